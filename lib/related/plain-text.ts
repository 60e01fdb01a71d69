/**
 * A paper's text as plain words: URLs dropped, LaTeX read as words (`$\sigma$` is "sigma",
 * `\mathcal{O}` is "O", `\log` is "log"), accents stripped, Greek letters spelled out. Case is kept
 * (a hit's terms are shown as the query wrote them); splitting into words is the lexicon's job.
 */

import { GREEK_LETTER_NAMES, GREEK_WORDS, LATEX_GREEK_VARIANTS } from '../identity/greek';

/** Lowercase and capital Greek letters (NFKD has already taken accents off them). */
const GREEK_CHARS = /[\u0391-\u03a9\u03b1-\u03c9\u03d1\u03d5\u03f5\u00b5]/g;

/** `\varepsilon` and friends, spelled as their letter. */

/**
 * Commands that style, size, space or cite: dropped, their argument kept (`\textbf{Bold}` is
 * "Bold"). Any other command reads as its name (`\log` is "log", `\ell` is "ell").
 */
const LATEX_SILENT = new Set(
  `mathrm mathbf mathit mathsf mathtt mathcal mathbb mathfrak mathscr boldsymbol bm textbf textit texttt textrm textsf
textsc textup textnormal text emph em bf it rm sf tt sc operatorname mbox hbox left right big Big bigg Bigg
displaystyle textstyle scriptstyle ensuremath url href hat tilde bar vec dot ddot widehat widetilde overline underline
frac dfrac tfrac sqrt quad qquad cdot cdots ldots dots times sim approx leq geq le ge neq in to mid textasciitilde
footnote cite citep citet ref label`.split(/\s+/),
);

/** http(s) and www addresses. */
const URL = /(?:https?:\/\/|www\.)[^\s)\]}>"]*/gi;
/** Bare `host.tld/path` addresses ("github.com/org/repo", "x.github.io/site"); tested for first, as the pattern is slow. */
const BARE_HOST_HINT = /\.(?:com|org|io|net|ai|edu|dev|html?)\b/i;
const BARE_HOST = /\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|io|net|ai|edu|dev|html?)\b(?:\/[^\s)\]}>"]*)?/gi;
/** Set phrases every field uses, dropped whole so their words ("state", "art") keep their own meaning elsewhere. */
const SET_PHRASES = /\bstate[\s-]+of[\s-]+the[\s-]+art\b|\bet\s+al\b\.?/gi;
const LATEX_ACCENT = /\\['"`^~=.]\{?([A-Za-z])\}?/g;
const LATEX_COMMAND = /\\([A-Za-z]+)/g;
const NON_ASCII = /[\u0080-\uffff]/;

function readLatexCommand(_match: string, name: string, offset: number, text: string): string {
  const lower = name.toLowerCase();
  const greek = LATEX_GREEK_VARIANTS[lower] ?? (GREEK_WORDS.has(lower) ? lower : undefined);
  if (greek !== undefined) {
    // A Greek letter joins the letters after it, as it reads: `$\sigma$Reparam` is "sigmaReparam",
    // like "σReparam"; it is set apart from letters before it (`x\sigma` is "x sigma").
    return isAsciiAlnum(offset > 0 ? text.charCodeAt(offset - 1) : 32) ? ` ${greek}` : greek;
  }
  return LATEX_SILENT.has(name) ? ' ' : ` ${name} `;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function plainText(text: string): string {
  let t = text.replace(URL, ' ').replace(SET_PHRASES, ' ');
  if (BARE_HOST_HINT.test(t)) t = t.replace(BARE_HOST, ' ');
  if (t.includes('\\')) t = t.replace(LATEX_ACCENT, '$1').replace(LATEX_COMMAND, readLatexCommand);
  if (t.includes('$')) t = t.replace(/\$/g, '');
  if (NON_ASCII.test(t)) {
    t = t
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(GREEK_CHARS, (c) => GREEK_LETTER_NAMES[c.toLowerCase()] ?? c);
  }
  return t;
}
