import { stem } from './stem';

/** Function words of English. */
const ENGLISH = `a about above across after again against all almost along already also although always am among an
and another any anyone anything are around as at be became because become becomes been before being below between
beyond both but by can cannot could did do does doing done down during each either else enough etc even ever every
few for from further had has have having he her here hers herself him himself his how however i if in into is it its
itself just least less many may me might more most much must my myself neither no nor not now of off often on once
one only onto or other others otherwise our ours ourselves out over own per perhaps rather same several she should
since so some such than that the their theirs them themselves then there thereby therefore these they this those
though through throughout thus to together too toward towards under unless until up upon us very via was we well
were what whatever when where whereas whether which while who whom whose why will with within without would yet you
your yours yourself`;

/**
 * Words every abstract uses whatever its subject: they say how a paper talks, not what it is about.
 * idf weighs them down already, so they barely move the eval figure (scripts/eval-related.ts); they
 * are here so that no hit is explained by "propose" or "results". Frequent topic words ("model",
 * "learning", "image") stay, and so does "code" (code generation is a subject).
 */
const PAPER = `paper papers work works propose proposed proposes present presents presented introduce introduces
introduced show shows shown showing demonstrate demonstrates demonstrated novel new approach approaches method methods
result results experiment experiments experimental extensive comprehensive outperform outperforms outperforming
existing previous prior recent recently significant significantly substantially achieve achieves achieved achieving
sota furthermore moreover additionally specifically finally first second third two three
various different several key main effective effectively efficient efficiently improve improves improved improving
improvement improvements respectively available github project page https www com org publicly release released
use uses used using based leverage leverages enable enables enabled provide provides providing address addresses
challenge challenges challenging however issue issues problem problems task tasks aim aims study studies investigate
investigates make makes made across including include includes given like find finds found term terms et al`;

function stemSet(words: string): Set<string> {
  const set = new Set<string>();
  for (const word of words.split(/\s+/)) if (word) set.add(stem(word));
  return set;
}

/** Stop words as stems, so every inflection ("proposes", "proposed") is caught by one entry. */
export const STOP_STEMS: ReadonlySet<string> = stemSet(`${ENGLISH} ${PAPER}`);
