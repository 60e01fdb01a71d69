import { localIsoDay, MONTH_DAY_PATTERN, type MonthDay, parseMonthDay, resolveIsoDate } from './dates';
import { DigestLineError, quote } from './errors';
import type { DigestContent, ParsedPaper } from './types';

/**
 * Parser for a Hugging Face "Daily Papers" page saved as text (see shared/docs/digest-format.md):
 * a fixed header, the page's date, then per paper a title line, an abstract line and an optional
 * three-line metadata block, blocks separated by blank lines.
 */

/** The page chrome that precedes the date, in the order the site prints it. */
const HEADER_LINES = ['new', 'get trending papers in your email inbox!', 'subscribe', 'daily papers', 'byak and the research community'];

const DATE_LINE = new RegExp(`^${MONTH_DAY_PATTERN}$`);
/** "Jan 31", "Apr 29, 2025", then the upvote count when the paper has any: "Jan 14 2". */
const PUBLISHED_LINE = new RegExp(`^${MONTH_DAY_PATTERN}(?: (\\d+))?$`);
const AUTHORS_LINE = /^(\d+) authors?$/;
const BULLET = '\u2022';
const MIDDLE_DOT = '\u00b7';
const MAX_TITLE_LENGTH = 1000;

interface Block {
  /** 1-based line number of the block's first line. */
  line: number;
  lines: string[];
}

/** Splits text into blocks of non-blank lines; trailing white space is not part of a line. */
function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  text.split(/\r\n|\r|\n/).forEach((rawLine, index) => {
    const line = rawLine.trimEnd();
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

function isHeaderBlock(block: Block): boolean {
  return block.lines.length === 1 && HEADER_LINES.includes(block.lines[0]?.trim().toLowerCase() ?? '');
}

function readDate(match: RegExpMatchArray): MonthDay | null {
  const [, month = '', day = '', year] = match;
  return parseMonthDay(month, day, year);
}

function looksLikeMetadata(block: Block): boolean {
  return block.lines.some((l) => l.trim() === MIDDLE_DOT) || (block.lines[0]?.trim().startsWith(BULLET) ?? false);
}

interface Metadata {
  authors: number | null;
  organization: string | null;
  published: ParsedPaper['published'];
  upvotes: number;
}

function parseMetadata(block: Block, digestDay: string, atEnd: boolean): Metadata {
  const [who = '', dot = '', when = ''] = block.lines.map((l) => l.trim());
  const truncated = atEnd ? ' (the file looks truncated)' : '';
  if (block.lines.length !== 3 || dot !== MIDDLE_DOT) {
    throw new DigestLineError(
      block.line,
      `incomplete metadata block: expected three lines (authors or organisation, "${MIDDLE_DOT}", date), found ${block.lines.length}${truncated}`,
    );
  }
  const dateMatch = when.match(PUBLISHED_LINE);
  const date = dateMatch && readDate(dateMatch);
  if (!dateMatch || !date) {
    throw new DigestLineError(block.line + 2, `expected a publication date like "Jan 31" or "Apr 29, 2025 3", found ${quote(when)}`);
  }
  const person = who.replace(new RegExp(`^${BULLET}\\s*`), '');
  const authorsMatch = person.match(AUTHORS_LINE);
  return {
    authors: authorsMatch ? Number(authorsMatch[1]) : null,
    organization: authorsMatch || person === '' ? null : person,
    // The raw text keeps the date as written, without the upvote count that may follow it.
    published: { raw: dateMatch[4] ? when.slice(0, -dateMatch[4].length - 1) : when, iso: resolveIsoDate(date, digestDay) },
    upvotes: dateMatch[4] ? Number(dateMatch[4]) : 0,
  };
}

/**
 * A file cut in the middle of an abstract parses, so look at its shape: where most entries
 * carry a metadata block, a last entry without one was cut short.
 */
function assertNotCutShort(papers: ParsedPaper[]): void {
  const last = papers.at(-1);
  if (!last || last.published !== null || papers.length < 3) return;
  const withMetadata = papers.filter((p) => p.published !== null).length;
  if (withMetadata * 2 > papers.length) {
    throw new DigestLineError(
      last.line,
      `the last paper ${quote(last.title)} has no metadata block while ${withMetadata} of the ${papers.length} papers do: the file looks truncated`,
    );
  }
}

/**
 * Text copied from today's Daily Papers page: it starts with the site's navigation, runs the header
 * lines together without blank lines, and its cards show no abstracts, so it cannot be read as a
 * digest. Seen by a "Daily Papers" line near the top of a text that has no date where this format has one.
 */
const TODAYS_PAGE_COPIED =
  "this is text copied from today's Hugging Face Daily Papers page, which starts with the site's navigation and shows no abstracts: " +
  'on the page, click "Add this page to my digests" (or the DigestLens icon → This page), or save the page as HTML (Save page as…) and import that file';

function copiedFromTodaysPage(blocks: Block[]): boolean {
  return blocks.slice(0, 40).some((block) => block.lines.some((line) => line.trim().toLowerCase() === 'daily papers'));
}

/** Skips the page header; returns the index of the first block after it. */
function skipHeader(blocks: Block[]): number {
  let index = 0;
  while (blocks[index] && isHeaderBlock(blocks[index] as Block)) index++;
  return index;
}

/**
 * Parses the text of one digest file. `today` is the import moment; its local calendar day gives the page's date
 * (written without a year) its year. Throws DigestLineError naming the line on anything
 * that is not this format; never returns a partial result.
 */
export function parseHfDailyText(text: string, today: Date): DigestContent {
  const blocks = toBlocks(text);
  let index = skipHeader(blocks);
  const dateBlock = blocks[index];
  if (!dateBlock) {
    throw new DigestLineError(blocks.at(-1)?.line ?? 1, 'the file ends after the page header, before the date and the papers (truncated?)');
  }
  const dateText = dateBlock.lines[0]?.trim() ?? '';
  const dateMatch = dateBlock.lines.length === 1 ? dateText.match(DATE_LINE) : null;
  const digestDay = dateMatch && readDate(dateMatch);
  if (!digestDay) {
    if (copiedFromTodaysPage(blocks)) throw new DigestLineError(dateBlock.line, TODAYS_PAGE_COPIED);
    const what =
      index === 0
        ? 'does not start like a Hugging Face Daily Papers page: expected the header ("Daily Papers") or the page date'
        : 'expected the page date';
    throw new DigestLineError(dateBlock.line, `${what} (like "Sep 1"), found ${quote(dateText)}`);
  }
  const digestDate = { raw: dateText, iso: resolveIsoDate(digestDay, localIsoDay(today)) };
  index++;

  const papers: ParsedPaper[] = [];
  while (index < blocks.length) {
    const titleBlock = blocks[index] as Block;
    if (looksLikeMetadata(titleBlock)) {
      throw new DigestLineError(titleBlock.line, 'found a metadata block (authors, date) where a paper title was expected');
    }
    if (titleBlock.lines.length !== 1) {
      throw new DigestLineError(
        titleBlock.line,
        `expected a one-line paper title, found ${titleBlock.lines.length} lines without a blank line between them`,
      );
    }
    const title = (titleBlock.lines[0] as string).trim().replace(/\s+/g, ' ');
    if (title.length > MAX_TITLE_LENGTH) {
      throw new DigestLineError(
        titleBlock.line,
        `a paper title of ${title.length} characters (at most ${MAX_TITLE_LENGTH}); this does not look like a digest`,
      );
    }
    const abstractBlock = blocks[index + 1];
    if (!abstractBlock) {
      throw new DigestLineError(
        titleBlock.line,
        `the file ends after the title ${quote(title)}, without its abstract (the file looks truncated)`,
      );
    }
    if (looksLikeMetadata(abstractBlock)) {
      throw new DigestLineError(abstractBlock.line, `the paper ${quote(title)} has no abstract: its metadata block follows the title`);
    }
    // An abstract is one paragraph; should a copy have wrapped it, its lines are joined.
    const abstract = abstractBlock.lines.map((l) => l.trim()).join(' ');
    index += 2;
    const metadataBlock = blocks[index];
    let metadata: Metadata = { authors: null, organization: null, published: null, upvotes: 0 };
    if (metadataBlock && looksLikeMetadata(metadataBlock)) {
      metadata = parseMetadata(metadataBlock, digestDate.iso, index === blocks.length - 1);
      index++;
    }
    papers.push({ title, abstract, ...metadata, arxivId: null, line: titleBlock.line });
  }
  assertNotCutShort(papers);
  if (papers.length === 0) {
    throw new DigestLineError(dateBlock.line, 'the digest has a date but no papers (the file looks truncated)');
  }
  return { format: 'hf-daily-text', digestDate, papers };
}
