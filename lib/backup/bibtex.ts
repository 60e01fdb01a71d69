import { type DigestLensDB, type Paper, queuedPapers } from '../db';
import { arxivAbsUrl } from '../identity/paper-urls';

/**
 * The reading queue as BibTeX `@misc` entries with arXiv eprint fields (the form arXiv's own
 * "Export BibTeX citation" gives), for papers whose arXiv id is known.
 */

/** Text outside math: each character LaTeX or BibTeX would read as markup, made literal. */
const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // Not `\{`: BibTeX counts every brace, escaped or not, so a lone one would end the field.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

function escapeText(text: string): string {
  return text.replace(/[\\{}%&$#_~^]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/**
 * Inline math as titles write it (`$\sigma$`, `$\ell_p$`), by pandoc's rule for telling math from
 * dollar amounts: no space just inside either `$`, no digit right after the closing one. So in
 * "from $5 to $10" neither `$` opens math.
 */
const MATH = /\$(?!\s)(?:[^$\\]|\\[\s\S])+(?<!\s)\$(?!\d)/g;

/** Braces must balance both as BibTeX counts them (every brace) and as TeX does (unescaped ones). */
function balanced(math: string): boolean {
  let raw = 0;
  let tex = 0;
  for (let i = 0; i < math.length; i++) {
    const c = math[i];
    if (c === '\\') {
      const next = math[i + 1];
      if (next === '{') raw++;
      if (next === '}') raw--;
      i++;
    } else if (c === '{') {
      raw++;
      tex++;
    } else if (c === '}') {
      raw--;
      tex--;
    }
    if (raw < 0 || tex < 0) return false;
  }
  return raw === 0 && tex === 0;
}

/** Math kept as math; inside it, only what would break it (a comment `%`, `#`, `&`) is escaped. */
function escapeMath(math: string): string {
  return math.replace(/\\[\s\S]|[%#&]/g, (m) => (m.length === 2 ? m : `\\${m}`));
}

/**
 * A title as a BibTeX field value: inline math (`$…$` with balanced braces) is kept, so
 * `$\sigma$Reparam` still typesets σ; everything else is literal text, its special characters
 * (`{ } \ % & $ # _ ~ ^`) escaped. White space runs become one space.
 */
export function bibtexTitle(title: string): string {
  const text = title.replace(/\s+/g, ' ').trim();
  let out = '';
  let last = 0;
  for (const match of text.matchAll(MATH)) {
    const math = match[0];
    if (!balanced(math)) continue;
    out += escapeText(text.slice(last, match.index)) + escapeMath(math);
    last = match.index + math.length;
  }
  return out + escapeText(text.slice(last));
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'is',
  'are',
  'do',
  'does',
  'how',
  'what',
  'why',
  'when',
  'towards',
  'toward',
]);

/** The year an arXiv id was issued: `2607.22212` → 2026, `hep-th/9901001` → 1999. */
export function arxivYear(arxivId: string): number | null {
  const yy = /^(\d\d)\d\d\./.exec(arxivId)?.[1] ?? /\/(\d\d)\d{5}$/.exec(arxivId)?.[1];
  if (yy === undefined) return null;
  const n = Number(yy);
  // Old-style ids ran from 1991 to 2007; new-style ids start in 2007.
  return n >= 91 ? 1900 + n : 2000 + n;
}

/**
 * A citation key like Google Scholar's, minus the author (not stored): the title's first word
 * that is not a stop word, math dropped (`H$^2$SD` → `hsd`), then the year.
 */
function keyStem(paper: Pick<Paper, 'title' | 'arxivId'>): string {
  const words = paper.title
    .replace(MATH, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const word = words.find((w) => !STOP_WORDS.has(w) && /[a-z]/.test(w)) ?? words[0] ?? 'arxiv';
  return `${word}${paper.arxivId ? (arxivYear(paper.arxivId) ?? '') : ''}`;
}

/** Hands out citation keys: `deep2026`, then `deep2026a`, `deep2026b`… */
class CitationKeys {
  private readonly taken = new Set<string>();

  take(stem: string): string {
    for (let n = 0; ; n++) {
      const key = n === 0 ? stem : `${stem}${suffix(n)}`;
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return key;
      }
    }
  }
}

/** 1 → a, 26 → z, 27 → aa. */
function suffix(n: number): string {
  let s = '';
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(97 + ((m - 1) % 26)) + s;
  return s;
}

/** One `@misc` entry. The note repeats the id, for styles that print no eprint field. */
export function bibtexEntry(key: string, paper: Pick<Paper, 'title'> & { arxivId: string }): string {
  return [
    `@misc{${key},`,
    `  title = {${bibtexTitle(paper.title)}},`,
    `  eprint = {${paper.arxivId}},`,
    '  archivePrefix = {arXiv},',
    `  url = {${arxivAbsUrl(paper.arxivId)}},`,
    `  note = {arXiv:${paper.arxivId}}`,
    '}',
  ].join('\n');
}

export interface BibtexExport {
  /** The `.bib` file's text. */
  content: string;
  /** Papers written, in queue order. */
  entries: number;
  /** Queued papers left out because their arXiv id is not known. */
  skipped: number;
}

/** Entries for these papers in this order, with unique keys; papers without an arXiv id are skipped. */
export function papersAsBibtex(papers: Array<Pick<Paper, 'title' | 'arxivId'>>): BibtexExport {
  const keys = new CitationKeys();
  const entries: string[] = [];
  for (const paper of papers) {
    const arxivId = paper.arxivId;
    if (arxivId) entries.push(bibtexEntry(keys.take(keyStem(paper)), { title: paper.title, arxivId }));
  }
  return { content: entries.map((e) => `${e}\n`).join('\n'), entries: entries.length, skipped: papers.length - entries.length };
}

/** The whole queue (unread and read, in queue order) as BibTeX. */
export async function exportQueueBibtex(db: DigestLensDB): Promise<BibtexExport> {
  const papers = await queuedPapers(db);
  const found = papers.filter((p): p is Paper => p !== undefined);
  const result = papersAsBibtex(found);
  return { ...result, skipped: result.skipped + papers.length - found.length };
}
