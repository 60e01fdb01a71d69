import { normalizeArxivId } from '../identity/arxiv-id';
import { parseMonthDay, resolveIsoDate } from './dates';
import { DigestLineError, quote } from './errors';
import type { DigestContent, DigestDate, ParsedPaper } from './types';

/**
 * Parser for arXiv's plain-text daily mailing (`<archive> daily … mailing`): mail headers with the
 * `Date:`, then one block per paper in the new, cross-list and replacement sections:
 *
 *     \\
 *     arXiv:2303.08867 (*cross-listing*)      <- or on one line: "\\ arXiv:2303.08867"
 *     Date: Wed, 15 Mar 2023 18:34:08 GMT   (243kb,D)     <- "replaced with revised version …"
 *
 *     Title: A title that may wrap
 *       over lines
 *     Authors: A and B
 *     Categories: q-fin.TR
 *     \\
 *       The abstract, wrapped (absent for replacements)
 *     \\ ( https://arxiv.org/abs/2303.08867 ,  243kb)
 *
 * blocks separated by lines of dashes or `%-%-` patterns.
 */

const ID_LINE = /^(?:\\\\\s*)?arXiv:(\S+)(.*)$/;
const END_LINE = /^\\\\ \(\s*https?:\/\/arxiv\.org\/abs\//;
/** "Fri, 17 Mar 23 00:31:14 GMT", "Wed, 15 Mar 2023 18:34:08 GMT": day, month, year (2 or 4 digits). */
const MAIL_DATE = /(?:^|\s)(\d{1,2}) ([A-Za-z]{3,9}) (\d{4}|\d{2})\b/;

/** Whether the text holds at least one `\\ arXiv:ID` block: the mailing's mark. */
export function isArxivMailing(text: string): boolean {
  return /^\\\\[ \t]*\r?\n[ \t]*arXiv:\S+|^\\\\ arXiv:\S+/m.test(text);
}

function mailDate(raw: string): DigestDate | null {
  const match = MAIL_DATE.exec(raw);
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  const fullYear = year.length === 2 ? `20${year}` : year;
  const date = parseMonthDay(month, day, fullYear);
  return date ? { raw: raw.trim(), iso: resolveIsoDate(date, '9999-12-31') } : null;
}

/** The names of an `Authors:` field ("A, B and C"), affiliations in parentheses dropped. */
function authorNamesIn(value: string): string[] {
  let text = value;
  // Affiliations in parentheses, possibly nested once: "A (1), B ((1) Univ. X, (2) Lab Y)".
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\([^()]*\)/g, '');
  }
  return text
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name !== '');
}

interface Field {
  value: string;
  line: number;
}

export function parseArxivMailing(text: string): DigestContent {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trimEnd());
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (/^\\\\ arXiv:\S+/.test(line) || (line === '\\\\' && /^\s*arXiv:\S+/.test(lines[i + 1] ?? ''))) starts.push(i);
  });
  const firstStart = starts[0] ?? lines.length;

  const headerLines = lines.slice(0, firstStart);
  const dateHeader = headerLines.findIndex((l) => /^Date:\s/.test(l));
  const receivedLine = headerLines.findIndex((l) => /received from .* to /.test(l));
  let digestDate: DigestDate | null = null;
  if (dateHeader !== -1) digestDate = mailDate((headerLines[dateHeader] as string).replace(/^Date:\s*/, ''));
  if (!digestDate && receivedLine !== -1) {
    digestDate = mailDate((headerLines[receivedLine] as string).replace(/^.* to\s+/, ''));
  }
  if (!digestDate) {
    throw new DigestLineError(
      dateHeader === -1 ? 1 : dateHeader + 1,
      'this arXiv mailing carries no date: expected its "Date:" header (e.g. "Date: Fri, 17 Mar 23 00:31:14 GMT") before the first paper',
    );
  }

  const papers: ParsedPaper[] = starts.map((start, n) => {
    const end = starts[n + 1] ?? lines.length;
    let i = start;
    const idText = lines[i] === '\\\\' ? (lines[++i] as string).trim() : (lines[i] as string).replace(/^\\\\\s*/, '');
    const idLine = i + 1;
    const idMatch = ID_LINE.exec(idText);
    const arxivId = idMatch ? normalizeArxivId(idMatch[1] as string) : null;
    if (!arxivId) throw new DigestLineError(idLine, `expected an arXiv id after "arXiv:", found ${quote(idText)}`);
    i++;

    let published: DigestDate | null = null;
    const fields = new Map<string, Field>();
    let current: Field | null = null;
    for (; i < end && lines[i] !== '\\\\' && !END_LINE.test(lines[i] as string); i++) {
      const line = lines[i] as string;
      const field = /^([A-Z][A-Za-z-]*):\s?(.*)$/.exec(line);
      if (field && !(current && /^\s/.test(line))) {
        const [, name = '', value = ''] = field;
        if (name === 'Date' && fields.size === 0) {
          published = mailDate(value.replace(/\s+\(\d+kb[^)]*\)\s*$/, ''));
          current = null;
          continue;
        }
        current = { value, line: i + 1 };
        if (!fields.has(name)) fields.set(name, current);
      } else if (current && /^\s+\S/.test(line)) {
        current.value += ` ${line.trim()}`;
      } else {
        current = null;
      }
    }
    const title = fields.get('Title');
    if (!title || title.value.trim() === '') {
      throw new DigestLineError(idLine, `the paper arXiv:${arxivId} has no "Title:" line`);
    }
    const abstractLines: string[] = [];
    if (lines[i] === '\\\\') {
      for (i++; i < end && !END_LINE.test(lines[i] as string); i++) abstractLines.push(lines[i] as string);
    }
    if (i >= end || !END_LINE.test(lines[i] as string)) {
      throw new DigestLineError(
        title.line,
        `the paper arXiv:${arxivId} does not end with its "\\\\ ( https://arxiv.org/abs/… )" line (the file looks truncated)`,
      );
    }
    const authorsField = fields.get('Authors');
    const authorNames = authorsField ? authorNamesIn(authorsField.value).map((name) => name.slice(0, 500)) : [];
    return {
      title: title.value.trim().replace(/\s+/g, ' '),
      abstract: abstractLines.join(' ').trim().replace(/\s+/g, ' '),
      authors: authorNames.length || null,
      authorNames: authorNames.length ? authorNames.slice(0, 2000) : null,
      organization: null,
      published,
      upvotes: 0,
      arxivId,
      line: title.line,
    };
  });
  if (papers.length === 0) {
    throw new DigestLineError(Math.max(dateHeader + 1, 1), 'this arXiv mailing lists no papers (the file looks truncated)');
  }
  return { format: 'arxiv-mailing', digestDate, papers };
}
