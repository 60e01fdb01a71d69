import { ZodError } from 'zod';
import { isAtomFeed, parseArxivAtom } from './arxiv-atom';
import { isArxivMailing, parseArxivMailing } from './arxiv-mailing';
import { checkText, decodeDigestBytes } from './decode';
import { DigestLineError, inFile } from './errors';
import { parseHfDailyText } from './hf-daily-text';
import { detectHfJson, parseHfJson } from './hf-json';
import { type DigestContent, type ParsedDigest, ParsedDigestSchema } from './types';

export { decodeDigestBytes, MAX_DIGEST_BYTES } from './decode';
export { DigestError } from './errors';
export { DIGEST_FORMATS, type DigestFormat } from './formats';
export type { ParsedDigest, ParsedPaper } from './types';

/** The line and column of a JSON syntax error, from the engine's message when it gives a position. */
function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : 1;
}

/**
 * Recognises the format from the content (never the file name) and parses it:
 * - JSON (starts with `[` or `{`): Hugging Face `api/daily_papers` (an array of `{paper: …}`),
 *   paper search (the same items with `highlightedTitle`), or one paper (`api/papers/<id>`);
 * - XML whose root is an Atom `<feed>`: an arXiv API query result;
 * - text with `\\` + `arXiv:ID` blocks: arXiv's daily mailing;
 * - other text: a Hugging Face Daily Papers page saved as text.
 */
export function parseDigestText(fileName: string, text: string, today = new Date()): ParsedDigest {
  return inFile(fileName, () => {
    try {
      return ParsedDigestSchema.parse({ fileName, ...dispatch(text, today) });
    } catch (error) {
      if (error instanceof ZodError) throw schemaRefusal(error);
      throw error;
    }
  });
}

/**
 * Every parser's result is validated with the zod schema; a record the schema refuses (a title of
 * thousands of characters in a feed, say) is a refusal of the file like any other, not a crash.
 */
function schemaRefusal(error: ZodError): DigestLineError {
  const issue = error.issues[0];
  const [list, index, field] = issue?.path ?? [];
  if (list === 'papers' && typeof index === 'number' && field === 'title' && issue?.code === 'too_big') {
    return new DigestLineError(null, `paper ${index + 1} has a title of more than 1000 characters; this does not look like a digest`);
  }
  return new DigestLineError(null, `a record does not fit: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'}`);
}

function dispatch(text: string, today: Date): DigestContent {
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
  if (isAtomFeed(checked)) return parseArxivAtom(checked);
  if (/^<(!doctype|html|\?xml|head|body|feed|rss)/i.test(start) || /^<[a-z!?]/i.test(start)) {
    throw new DigestLineError(
      firstLine,
      'this is HTML or XML, not a digest saved as text: in the browser, select the Daily Papers page, copy it and save the text',
    );
  }
  if (isArxivMailing(checked)) return parseArxivMailing(checked);
  return parseHfDailyText(checked, today);
}

/** Bytes to parsed digest: the whole path a file takes, for the command line and tests. */
export function parseDigestBytes(fileName: string, bytes: Uint8Array, today = new Date()): ParsedDigest {
  return parseDigestText(fileName, decodeDigestBytes(fileName, bytes), today);
}
