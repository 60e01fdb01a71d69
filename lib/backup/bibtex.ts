import { type DigestLensDB, type Paper, paperAppearances, queuedPapers, yearFromAppearances } from '../db';
import { arxivAbsUrl } from '../identity/paper-urls';

/**
 * The reading queue as BibTeX `@misc` entries with arXiv eprint fields (the form arXiv's own
 * "Export BibTeX citation" gives). A paper known only from a text digest (no arXiv id, often
 * no author names) is written with what is known, and a comment line above it says what is
 * missing, so the reader can complete it.
 */

/** What a citation is made of; everything but the title may be unknown. */
export interface CitablePaper {
  title: string;
  arxivId: string | null;
  authorNames?: string[] | null;
  /** The year when the arXiv id cannot give it (see yearFromAppearances). */
  year?: number | null;
  /** The page the paper was saved from, the link when there is no arXiv id. */
  url?: string | null;
}

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

/** Lowercase ASCII letters and digits of a text, accents dropped. */
function asciiWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The year to cite: the arXiv id's when there is one, else what the digests said. */
function citationYear(paper: CitablePaper): number | null {
  return (paper.arxivId ? arxivYear(paper.arxivId) : null) ?? paper.year ?? null;
}

/**
 * A citation key like Google Scholar's: the first author's family name (the last word of the
 * name) when known, the year, and the title's first word that is not a stop word, math dropped
 * (`H$^2$SD` → `hsd`). Without an author: the word, then the year (`deep2026`).
 */
function keyStem(paper: CitablePaper): string {
  const words = asciiWords(paper.title.replace(MATH, ''));
  const word = words.find((w) => !STOP_WORDS.has(w) && /[a-z]/.test(w)) ?? words[0] ?? 'arxiv';
  const year = citationYear(paper) ?? '';
  // The last word of the name, as written ("Müller-Lüdenscheidt" → "mullerludenscheidt").
  const family = asciiWords(paper.authorNames?.[0]?.trim().split(/\s+/).at(-1) ?? '').join('');
  return /[a-z]/.test(family) ? `${family}${year}${word}` : `${word}${year}`;
}

/** What a citation of this paper lacks, in words ("arXiv id", "author names"). */
export function missingForCitation(paper: CitablePaper): string[] {
  const missing: string[] = [];
  if (!paper.arxivId) missing.push('arXiv id');
  if (!paper.authorNames?.length) missing.push('author names');
  if (citationYear(paper) === null) missing.push('year');
  return missing;
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

/** A URL inside braces: only a brace or a backslash could end or break the field. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c));
}

/**
 * One `@misc` entry: author (names joined by "and"), title, year, then for an arXiv paper its
 * eprint, archive and URL, and a note repeating the id for styles that print no eprint field.
 * An entry that lacks any of these is preceded by a `%` line naming what is missing (BibTeX
 * ignores text between entries).
 */
export function bibtexEntry(key: string, paper: CitablePaper): string {
  const fields: string[] = [];
  if (paper.authorNames?.length) fields.push(`author = {${paper.authorNames.map(bibtexTitle).join(' and ')}}`);
  fields.push(`title = {${bibtexTitle(paper.title)}}`);
  const year = citationYear(paper);
  if (year !== null) fields.push(`year = {${year}}`);
  if (paper.arxivId) {
    fields.push(
      `eprint = {${paper.arxivId}}`,
      'archivePrefix = {arXiv}',
      `url = {${arxivAbsUrl(paper.arxivId)}}`,
      `note = {arXiv:${paper.arxivId}}`,
    );
  } else if (paper.url && /^https?:\/\//.test(paper.url)) {
    fields.push(`url = {${bibtexUrl(paper.url)}}`);
  }
  const missing = missingForCitation(paper);
  return [
    ...(missing.length ? [`% DigestLens does not know this paper's ${missing.join(', ')}: complete the entry by hand.`] : []),
    `@misc{${key},`,
    fields.map((f) => `  ${f}`).join(',\n'),
    '}',
  ].join('\n');
}

export interface BibtexExport {
  /** The `.bib` file's text. */
  content: string;
  /** Papers written, in queue order. */
  entries: number;
  /** Entries written without an arXiv id or author names (each says so in a comment). */
  incomplete: number;
  /** Queue items left out because their paper is not stored. */
  skipped: number;
}

/** Entries for these papers in this order, with unique keys. */
export function papersAsBibtex(papers: CitablePaper[]): BibtexExport {
  const keys = new CitationKeys();
  const entries = papers.map((paper) => bibtexEntry(keys.take(keyStem(paper)), paper));
  const incomplete = papers.filter((p) => missingForCitation(p).length > 0).length;
  return { content: entries.map((e) => `${e}\n`).join('\n'), entries: entries.length, incomplete, skipped: 0 };
}

/** A stored paper as a citation; `year` only matters when it has no arXiv id. */
function citable(paper: Paper, year: number | null): CitablePaper {
  return { title: paper.title, arxivId: paper.arxivId, authorNames: paper.authorNames ?? null, year, url: paper.url ?? null };
}

/** The whole queue (unread and read, in queue order) as BibTeX. */
export async function exportQueueBibtex(db: DigestLensDB): Promise<BibtexExport> {
  const papers = await queuedPapers(db);
  const found = papers.filter((p): p is Paper => p !== undefined);
  const appearances = await paperAppearances(
    db,
    found.filter((p) => !p.arxivId).map((p) => p.id),
  );
  const result = papersAsBibtex(found.map((p) => citable(p, yearFromAppearances(appearances.get(p.id) ?? []))));
  return { ...result, skipped: papers.length - found.length };
}
