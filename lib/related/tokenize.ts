/**
 * Text to index terms: URLs dropped, LaTeX read as words (`$\sigma$` is "sigma", `\mathcal{O}` is
 * "o"), accents stripped, Greek letters spelled out, then words of letters and digits, lowercased,
 * stop words and bare numbers dropped, and stemmed. The same function reads documents and queries.
 */
import { stem } from './stem';

const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ϵ: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ϑ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  µ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  ϕ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};
const GREEK_NAMES = new Set(Object.values(GREEK));
const GREEK_CHARS = new RegExp(`[${Object.keys(GREEK).join('')}]`, 'g');

/** `\varepsilon` and friends, spelled as their letter. */
const LATEX_VARIANTS: Record<string, string> = {
  varepsilon: 'epsilon',
  vartheta: 'theta',
  varpi: 'pi',
  varrho: 'rho',
  varsigma: 'sigma',
  varphi: 'phi',
  varkappa: 'kappa',
};

/**
 * Commands that only style or size their argument, or space it: dropped, their argument kept.
 * Other commands are read as their name (`\log` is "log", `\infty` is "infty").
 */
const LATEX_SILENT = new Set(
  `mathrm mathbf mathit mathsf mathtt mathcal mathbb mathfrak mathscr boldsymbol bm textbf textit texttt textrm textsf
textsc textup textnormal text emph em bf it rm sf tt sc operatorname mbox hbox left right big Big bigg Bigg
displaystyle textstyle scriptstyle ensuremath url href hat tilde bar vec dot ddot widehat widetilde overline underline
frac dfrac tfrac sqrt quad qquad cdot cdots ldots dots times sim approx leq geq le ge neq in to mid textasciitilde
footnote cite citep citet ref label`.split(/\s+/),
);

/** http(s) and www addresses, and bare `host.tld/path` ones ("github.com/org/repo", "x.github.io/site"). */
const URL = /(?:https?:\/\/|www\.)[^\s)\]}>"]*|[\w.-]+\.(?:com|org|io|net|ai|edu|dev|html?)(?:\/[^\s)\]}>"]*)?(?=[\s)\]}>".,;:]|$)/gi;
const LATEX_ACCENT = /\\['"`^~=.]\{?([A-Za-z])\}?/g;
const LATEX_COMMAND = /\\([A-Za-z]+)/g;
const NON_ASCII = /[^\x00-\x7f]/;
const POSSESSIVE = /['’]s\b/g;
const WORD_ASCII = /[A-Za-z0-9]+/g;
const WORD_UNICODE = /[\p{L}\p{N}]+/gu;
/**
 * Bare numbers and quantities ("2024", "7b", "10k", "3x", "1st"): not what a paper is about.
 * "3d", "2d", "5g" and digits inside names ("gpt4", "llama3") stay.
 */
const NUMBERISH = /^\d+(?:[kmbxs]|st|nd|rd|th|ms|gb|mb|hz|khz|mhz|ghz|fps|bit|bits|px|ep|am|pm)?$/;

function readLatexCommand(_match: string, name: string, offset: number, text: string): string {
  const variant = LATEX_VARIANTS[name];
  const lower = name.toLowerCase();
  if (variant !== undefined || GREEK_NAMES.has(lower)) {
    // Greek joins the letters after it, as it reads: `$\sigma$Reparam` is "sigmaReparam", like "σReparam".
    const before = offset > 0 ? text.charCodeAt(offset - 1) : 32;
    const glue = isAsciiAlnum(before) ? ' ' : '';
    return glue + (variant ?? lower);
  }
  if (LATEX_SILENT.has(name)) return ' ';
  return ` ${name} `;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The text as plain words: URLs gone, LaTeX read, accents stripped, Greek spelled out; case kept. */
export function plainText(text: string): string {
  let t = text.replace(URL, ' ');
  if (t.includes('\\')) t = t.replace(LATEX_ACCENT, '$1').replace(LATEX_COMMAND, readLatexCommand);
  t = t.replace(/\$/g, '');
  if (NON_ASCII.test(t)) {
    t = t
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(GREEK_CHARS, (c) => GREEK[c] ?? c);
  }
  return t.replace(POSSESSIVE, '');
}

/** The words of a text in order, as written (case kept): what `terms` of a hit are shown as. */
export function words(text: string): string[] {
  const plain = plainText(text);
  return plain.match(NON_ASCII.test(plain) ? WORD_UNICODE : WORD_ASCII) ?? [];
}

/** Per stop list: lowercase word → its term, or `null` for a word that is none (stop word, number, single letter). */
const caches = new WeakMap<ReadonlySet<string>, Map<string, string | null>>();
const CACHE_LIMIT = 200_000;

export function termOf(word: string, stopStems: ReadonlySet<string>): string | null {
  const lower = word.toLowerCase();
  let cache = caches.get(stopStems);
  if (cache === undefined) {
    cache = new Map();
    caches.set(stopStems, cache);
  }
  const cached = cache.get(lower);
  if (cached !== undefined) return cached;
  let term: string | null = null;
  if (lower.length >= 2 && !NUMBERISH.test(lower)) {
    const stemmed = stem(lower);
    if (!stopStems.has(stemmed) && !stopStems.has(lower)) term = stemmed;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, term);
  return term;
}

/** The terms of a text, in order, stop words and numbers left out. */
export function terms(text: string, stopStems: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const term = termOf(word, stopStems);
    if (term !== null) out.push(term);
  }
  return out;
}
