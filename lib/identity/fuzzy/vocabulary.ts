/**
 * What may be done to a word: its one spelling (`canonicalWord`: plural and British forms folded),
 * the words never edited (numbers, negations, quantities), the words that contrast with one another
 * (`online`/`offline`, `supervised`/`unsupervised`), function words and articles, and whether two
 * words are one typo apart. Costs are distance.ts's; this file only says what a word is.
 */

const DIGIT = /\d/;
const PLURAL_ES = /(?:ss|sh|ch|x|z)es$/;
const PLURAL_NOT = /(?:ss|us|is)$/;
const BRITISH_ENDING =
  /(?:is(?:e|ed|ing|er|ation|able)|ys(?:e|ed|ing)|our(?:ed|ing|al|ally|ite|able|ful)?|[^aeiou]tre|[aeiou]ll(?:ed|ing|er)|ogue|amme)$/;

/** One spelling for a word's singular and plural, British and American forms (`behaviours`: `behavior`). */
export function canonicalWord(word: string): string {
  if (word.length < 4 || DIGIT.test(word)) return word;
  let w = word;
  if (w.endsWith('s')) {
    if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
    else if (PLURAL_ES.test(w)) w = w.slice(0, -2);
    else if (!PLURAL_NOT.test(w)) w = w.slice(0, -1);
  }
  if (w.length < 5 || !BRITISH_ENDING.test(w)) return w;
  return w
    .replace(/is(e|ed|ing|er|ation|able)$/, 'iz$1')
    .replace(/ys(e|ed|ing)$/, 'yz$1')
    .replace(/([a-z]{3})our(ed|ing|al|ally|ite|able|ful)?$/, '$1or$2')
    .replace(/([^aeiou])tre$/, '$1ter')
    .replace(/([aeiou])ll(ed|ing|er)$/, '$1l$2')
    .replace(/ogue$/, 'og')
    .replace(/amme$/, 'am');
}

/** Words never added, dropped, replaced or misspelt: a title with another one is another paper. */
const PROTECTED = new Set(
  `i ii iii iv v vi vii viii ix x xi xii
  zero one two three four five six seven eight nine ten eleven twelve twenty thirty hundred thousand million billion trillion
  first second third fourth fifth half quarter single double dual triple twice once multi multiple few many both
  all only some every each any
  not no non without never cannot nor neither none nothing un anti against
  self semi weakly cross`.split(/\s+/),
);

/**
 * Groups of words that name different things: a title with one word of a group replaced by another
 * of the same group is another paper (`online`/`offline`, `Text-to-Image`/`Text-to-Video`).
 */
const CONTRAST_GROUP = new Map<string, number>();
`online offline, local global, input output, encoder decoder, upper lower, positive negative,
  forward backward inverse reverse, internal external, implicit explicit, inner outer, left right, up down,
  small large big tiny huge giant medium nano mini micro ultra super pro lite plus base flash, long short, high low,
  fast slow, open closed close, static dynamic, dense sparse, hard soft, strong strongly fully partially,
  before after, more less most least, increase decrease increasing decreasing, maximum minimum maximal minimal max min,
  maximization minimization, best worst better worse good bad, early late, old new, top bottom, real fake synthetic,
  linear quadratic cubic, convex concave, discrete continuous, deterministic stochastic random, homogeneous heterogeneous,
  symmetric asymmetric, centralized decentralized distributed federated, white black gray, with without, under over,
  supervised unsupervised reinforcement, text image video audio speech visual vision language,
  train training test testing inference, classification regression segmentation detection generation,
  causal casual, human machine, model modal mode, offensive defensive, attack defense, male female`
  .split(',')
  .forEach((group, i) => {
    for (const word of group.trim().split(/\s+/)) CONTRAST_GROUP.set(canonicalWord(word), i);
  });

/** Prefixes that turn a word into another one: `intraclass`/`interclass`, `supervised`/`unsupervised`. */
const CONTRAST_PREFIXES =
  ' un non in im ir il dis de anti counter semi self multi mono uni bi tri poly sub super over under pre post intra inter micro macro homo hetero a'.split(
    ' ',
  );

/** Words replaced among themselves at the cost of a word added or dropped, not of a word replaced. */
export const FUNCTION_WORDS = new Set(
  'a an the of on in for to via by from at into onto through towards toward using and or as is are be can do does when what how why which that this these their its'.split(
    ' ',
  ),
);
export const ARTICLES = new Set(['a', 'an', 'the']);

export function isProtected(word: string): boolean {
  return DIGIT.test(word) || PROTECTED.has(word);
}

/** Whether two words end with the same `k` letters. */
function sameEnd(a: string, b: string, k: number): boolean {
  if (a.length < k || b.length < k) return false;
  for (let i = 1; i <= k; i++) if (a.charCodeAt(a.length - i) !== b.charCodeAt(b.length - i)) return false;
  return true;
}

/** Whether replacing one word by the other makes another title (both in `canonicalWord` spelling). */
export function areContrasting(a: string, b: string): boolean {
  const group = CONTRAST_GROUP.get(a);
  if (group !== undefined && group === CONTRAST_GROUP.get(b)) return true;
  if (!sameEnd(a, b, 4)) return false;
  for (const pa of CONTRAST_PREFIXES) {
    if (!a.startsWith(pa) || a.length - pa.length < 4) continue;
    for (const pb of CONTRAST_PREFIXES) {
      if (pb !== pa && b.length - pb.length === a.length - pa.length && b.startsWith(pb) && sameEnd(a, b, a.length - pa.length))
        return true;
    }
  }
  return false;
}

/** Whether two words (5+ letters, 4 when one was dropped) are one letter apart: replaced, added, dropped or swapped. */
export function isOneTypoApart(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 4 || Math.max(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
