/**
 * A paper's text as plain words: URLs dropped, LaTeX read as words (`$\sigma$` is "sigma",
 * `\mathcal{O}` is "O", `\log` is "log"), accents stripped, Greek letters spelled out. Case is kept
 * (a hit's terms are shown as the query wrote them); splitting into words is the lexicon's job.
 * The reading of LaTeX, Greek and accents is lib/text's, shared with the title key.
 */
import { stripAccents } from '../text/fold';
import { latexGreekName, spellGreekLetters } from '../text/greek';
import { dropLatexAccents, LATEX_COMMAND, PROSE_SILENT_COMMANDS } from '../text/latex';

/** http(s) and www addresses. */
const URL = /(?:https?:\/\/|www\.)[^\s)\]}>"]*/gi;
/** Bare `host.tld/path` addresses ("github.com/org/repo", "x.github.io/site"); tested for first, as the pattern is slow. */
const BARE_HOST_HINT = /\.(?:com|org|io|net|ai|edu|dev|html?)\b/i;
const BARE_HOST = /\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|io|net|ai|edu|dev|html?)\b(?:\/[^\s)\]}>"]*)?/gi;
/** Set phrases every field uses, dropped whole so their words ("state", "art") keep their own meaning elsewhere. */
const SET_PHRASES = /\bstate[\s-]+of[\s-]+the[\s-]+art\b|\bet\s+al\b\.?/gi;
const NON_ASCII = /[\u0080-\uffff]/;

function readLatexCommand(_match: string, name: string, offset: number, text: string): string {
  const greek = latexGreekName(name);
  if (greek !== undefined) {
    // A Greek letter joins the letters after it, as it reads: `$\sigma$Reparam` is "sigmaReparam",
    // like "σReparam"; it is set apart from letters before it (`x\sigma` is "x sigma").
    return isAsciiAlnum(offset > 0 ? text.charCodeAt(offset - 1) : 32) ? ` ${greek}` : greek;
  }
  return PROSE_SILENT_COMMANDS.has(name) ? ' ' : ` ${name} `;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function plainText(text: string): string {
  let t = text.replace(URL, ' ').replace(SET_PHRASES, ' ');
  if (BARE_HOST_HINT.test(t)) t = t.replace(BARE_HOST, ' ');
  if (t.includes('\\')) t = dropLatexAccents(t).replace(LATEX_COMMAND, readLatexCommand);
  if (t.includes('$')) t = t.replace(/\$/g, '');
  if (NON_ASCII.test(t)) t = spellGreekLetters(stripAccents(t));
  return t;
}
