import { type DigestLensDB, digestMemberships, type Note, type Paper, writtenNotes } from '../db';
import { arxivAbsUrl, huggingFaceUrl } from '../identity/paper-urls';
import { arxivIdForFileName, slug, UniqueNames } from './file-names';

export interface ExportFile {
  fileName: string;
  content: string;
}

/**
 * A YAML double-quoted scalar. `\` and `"` are escaped, and so is every character YAML does not
 * allow printed or that a reader could take for a line break (C0 and C1 controls, DEL, NEL, the
 * Unicode line and paragraph separators, BOM, unpaired surrogates), as `\uXXXX`.
 */
export function yamlString(value: string): string {
  const escaped = value.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters to escape is the point
    /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => {
      if (c === '\\' || c === '"') return `\\${c}`;
      if (c === '\n') return '\\n';
      if (c === '\t') return '\\t';
      if (c === '\r') return '\\r';
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    },
  );
  return `"${escaped}"`;
}

/** What a note's file says about its paper. `paper` is null for a note whose paper is gone. */
export interface NoteContext {
  note: Note;
  paper: Paper | null;
  /** ISO dates of the digests that list the paper. */
  digestDates: string[];
}

/**
 * One note as Markdown: YAML front matter about the paper (`authors` null when no source named
 * them; `missing` lists what is not known, for a paper known only from a text digest), then the
 * note's text as typed.
 */
export function noteMarkdown({ note, paper, digestDates }: NoteContext): string {
  const title = paper?.title ?? note.paperId;
  const arxivId = paper?.arxivId ?? null;
  const authors = paper?.authorNames?.length ? paper.authorNames : null;
  const dates = [...new Set(digestDates)].sort();
  const missing = [...(arxivId === null ? ['arxiv_id'] : []), ...(authors === null ? ['authors'] : [])];
  const lines = [
    '---',
    `title: ${yamlString(title)}`,
    `authors: ${authors === null ? 'null' : `[${authors.map(yamlString).join(', ')}]`}`,
    `arxiv_id: ${arxivId === null ? 'null' : yamlString(arxivId)}`,
    `arxiv_url: ${arxivId === null ? 'null' : yamlString(arxivAbsUrl(arxivId))}`,
    `huggingface_url: ${yamlString(huggingFaceUrl({ arxivId, title }))}`,
    `digests: [${dates.map(yamlString).join(', ')}]`,
    `updated: ${yamlString(note.updatedAt)}`,
    ...(missing.length ? [`missing: [${missing.map(yamlString).join(', ')}]`] : []),
    '---',
    '',
  ];
  const text = note.text.endsWith('\n') ? note.text : `${note.text}\n`;
  return `${lines.join('\n')}\n${text}`;
}

/** The file name for a note: the title's slug, then the arXiv id when known. */
function noteStem(title: string, arxivId: string | null): string {
  const parts = [slug(title), arxivId ? arxivIdForFileName(arxivId) : ''].filter(Boolean);
  return parts.length ? parts.join('-') : 'note';
}

/** Every non-empty note as a Markdown file, in title order, with unique file names. */
export function notesAsMarkdown(contexts: NoteContext[]): ExportFile[] {
  const names = new UniqueNames();
  const kept = contexts.filter((c) => c.note.text.trim() !== '');
  const byTitle = kept
    .map((c) => ({ c, title: c.paper?.title ?? c.note.paperId }))
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.c.note.paperId < b.c.note.paperId ? -1 : 1));
  return byTitle.map(({ c, title }) => ({
    fileName: names.take(noteStem(title, c.paper?.arxivId ?? null), '.md'),
    content: noteMarkdown(c),
  }));
}

/** Reads every note with its paper and digest dates, and renders them (see notesAsMarkdown). */
export async function exportNotesMarkdown(db: DigestLensDB): Promise<ExportFile[]> {
  const notes = await writtenNotes(db);
  const memberships = await digestMemberships(
    db,
    notes.map((n) => n.note.paperId),
  );
  return notesAsMarkdown(
    notes.map(({ note, paper }) => ({
      note,
      paper: paper ?? null,
      digestDates: (memberships.get(note.paperId) ?? []).map((m) => m.date),
    })),
  );
}
