import type * as z from 'zod/mini';
import { isAtomFeed, parseArxivAtom } from './arxiv-atom';
import { readArxivListingPage } from './arxiv-listing-page';
import { isArxivMailing, parseArxivMailing } from './arxiv-mailing';
import { checkText, decodeDigestBytes } from './decode';
import { DigestLineError, inFile } from './errors';
import { isHfPapersPage, readHfDailyPage } from './hf-daily-page';
import { parseHfDailyText } from './hf-daily-text';
import { detectHfJson, parseHfJson } from './hf-json';
import { isArxivListingDocument } from './listing-document';
import { type DigestContent, type ParsedDigest, ParsedDigestSchema } from './types';

export { decodeDigestBytes, MAX_DIGEST_BYTES } from './decode';
export { DigestError } from './errors';
export { DIGEST_FORMATS, type DigestFormat } from './formats';
export type { DigestContent, ParsedDigest, ParsedPaper } from './types';

/** The line and column of a JSON syntax error, from the engine's message when it gives a position. */
function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : 1;
}

/** Turns HTML into a Document: `DOMParser` in extension pages, jsdom on the command line (scripts/parse.ts). */
export type HtmlReader = (html: string) => Document;

export interface ParseOptions {
  /** The import moment: its local day gives a year to dates written without one. */
  today?: Date;
  /** How to read a saved page; without one (the background worker has no DOM), saved pages are refused. */
  readHtml?: HtmlReader | null;
}

/** The browser's own HTML parser, where there is one (extension pages; not the service worker). */
function domParser(): HtmlReader | null {
  return typeof DOMParser === 'undefined' ? null : (html) => new DOMParser().parseFromString(html, 'text/html');
}

/**
 * Recognises the format from the content (never the file name) and parses it into the file's
 * digests (most files hold one; a Hugging Face feed or page spanning several featured days holds
 * one per day, in day order):
 * - JSON (starts with `[` or `{`): Hugging Face `api/daily_papers` (an array of `{paper: …}`),
 *   paper search (the same items with `highlightedTitle`), or one paper (`api/papers/<id>`);
 * - XML whose root is an Atom `<feed>`: an arXiv API query result;
 * - HTML: a saved Hugging Face papers page or arXiv listing (hf-daily-page.ts, arxiv-listing-page.ts);
 * - text with `\\` + `arXiv:ID` blocks: arXiv's daily mailing;
 * - other text: a Hugging Face Daily Papers page saved as text.
 */
export function parseDigestFile(fileName: string, text: string, options: ParseOptions = {}): ParsedDigest[] {
  const today = options.today ?? new Date();
  const readHtml = options.readHtml === undefined ? domParser() : options.readHtml;
  return inFile(fileName, () => validated(fileName, dispatch(text, today, readHtml)));
}

/** A file's one digest (every format but a feed or page spanning several featured days: use parseDigestFile). */
export function parseDigestText(fileName: string, text: string, today = new Date(), readHtml?: HtmlReader | null): ParsedDigest {
  const digests = parseDigestFile(fileName, text, { today, readHtml });
  if (digests.length !== 1) throw new Error(`${fileName} holds ${digests.length} digests: read it with parseDigestFile`);
  return digests[0] as ParsedDigest;
}

/**
 * Digests read from a page (the one-click capture, or a saved page) under a name, validated like a
 * file's: what the content script sends is checked again by the background with the same schema.
 */
export function digestsOfPage(name: string, contents: DigestContent[]): ParsedDigest[] {
  return inFile(name, () => validated(name, contents));
}

/**
 * Every parser's result is validated with the zod schema; a record the schema refuses (a title of
 * thousands of characters in a feed, say) is a refusal of the file like any other, not a crash.
 */
function validated(fileName: string, contents: DigestContent[]): ParsedDigest[] {
  return contents.map((content) => {
    const checked = ParsedDigestSchema.safeParse({ fileName, ...content });
    if (!checked.success) throw schemaRefusal(checked.error.issues);
    return checked.data;
  });
}

function schemaRefusal(issues: z.core.$ZodIssue[]): DigestLineError {
  const issue = issues[0];
  const [list, index, field] = issue?.path ?? [];
  if (list === 'papers' && typeof index === 'number' && field === 'title' && issue?.code === 'too_big') {
    return new DigestLineError(null, `paper ${index + 1} has a title of more than 1000 characters; this does not look like a digest`);
  }
  return new DigestLineError(null, `a record does not fit: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'}`);
}

const NOT_A_DIGEST_PAGE =
  'this is HTML or XML, not a digest: DigestLens reads saved Hugging Face papers pages and arXiv listings (/list/…/new, /recent, /pastweek), and Daily Papers saved as text';

/**
 * A saved web page (`<!DOCTYPE html>`, `<html>`, or a browser's `<!-- saved from url=… -->` first):
 * read where there is a DOM, so extension pages read such files before sending them to the worker.
 */
export function isWebPage(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  return /^<(!doctype html|html|head|body)/i.test(start) || (/^<!--/.test(start) && /<html[\s>]/i.test(start.slice(0, 4096)));
}

function readSavedPage(html: string, readHtml: HtmlReader | null, firstLine: number): DigestContent[] {
  if (!readHtml) {
    throw new DigestLineError(
      firstLine,
      'this is a saved web page; import it from the DigestLens popup or Library, which can read web pages',
    );
  }
  const doc = readHtml(html);
  if (isHfPapersPage(doc)) return readHfDailyPage(doc, null);
  if (isArxivListingDocument(doc)) return readArxivListingPage(doc);
  throw new DigestLineError(firstLine, NOT_A_DIGEST_PAGE);
}

function dispatch(text: string, today: Date, readHtml: HtmlReader | null): DigestContent[] {
  const checked = checkText(text);
  const start = checked.trimStart();
  const firstLine = checked.slice(0, checked.length - start.length).split('\n').length;
  if (/^[[{]/.test(start)) {
    let value: unknown;
    try {
      value = JSON.parse(checked);
    } catch (error) {
      throw new DigestLineError(jsonErrorLine(checked, error), 'this looks like JSON but is not valid JSON (is the file cut short?)');
    }
    const format = detectHfJson(value);
    if (!format) {
      const what = Array.isArray(value)
        ? value.length === 0
          ? 'an empty list'
          : 'a list whose items have no "paper"'
        : 'an object without "id" and "title"';
      throw new DigestLineError(
        firstLine,
        `this is JSON, but not a Hugging Face daily papers feed, paper search result or paper (api/daily_papers, api/papers/search, api/papers/<id>): it is ${what}`,
      );
    }
    return parseHfJson(value, format);
  }
  if (isAtomFeed(checked)) return [parseArxivAtom(checked)];
  if (isWebPage(checked)) return readSavedPage(checked, readHtml, firstLine);
  if (/^<(\?xml|feed|rss)/i.test(start) || /^<[a-z!?]/i.test(start)) throw new DigestLineError(firstLine, NOT_A_DIGEST_PAGE);
  if (isArxivMailing(checked)) return [parseArxivMailing(checked)];
  return [parseHfDailyText(checked, today)];
}

/** Bytes to parsed digests: the whole path a file takes, for the command line and tests. */
export function parseDigestBytes(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedDigest[] {
  return parseDigestFile(fileName, decodeDigestBytes(fileName, bytes), options);
}
