import { normalizeArxivId } from '../identity/arxiv-id';
import { DigestError } from './errors';
import { type DigestFormat, isoDayOfTimestamp } from './formats';
import { type DigestDate, type ParsedDigest, ParsedDigestSchema, type ParsedPaper } from './types';

/**
 * Parsers for Hugging Face JSON: `api/daily_papers` (an array of `{paper, publishedAt, …}`),
 * `api/papers/search` (the same items plus `highlightedTitle`) and `api/papers/<id>` (one paper
 * object). `paper.id` is the arXiv id. Every refusal names the JSON path at fault.
 */

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const WHAT: Record<'hf-daily-json' | 'hf-search-json' | 'hf-paper-json', string> = {
  'hf-daily-json': 'a Hugging Face daily papers feed',
  'hf-search-json': 'a Hugging Face paper search result',
  'hf-paper-json': 'a Hugging Face paper',
};

type HfFormat = keyof typeof WHAT;

class Shape {
  constructor(
    readonly fileName: string,
    readonly format: HfFormat,
  ) {}

  fail(path: string, problem: string): never {
    throw new DigestError(this.fileName, 1, `not ${WHAT[this.format]}: ${path} ${problem}`);
  }

  string(record: Record<string, Json>, key: string, path: string): string {
    const value = record[key];
    if (value === undefined || value === null) this.fail(`${path}.${key}`, 'is missing');
    if (typeof value !== 'string') this.fail(`${path}.${key}`, `is a ${kind(value)}, not a string`);
    return value;
  }
}

function kind(value: Json): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}

function toPaper(shape: Shape, value: Json, path: string, line: number): { paper: ParsedPaper; publishedAt: string | null } {
  if (!isRecord(value)) shape.fail(path, `is a ${kind(value)}, not an object`);
  const rawId = shape.string(value, 'id', path);
  const arxivId = normalizeArxivId(rawId);
  if (!arxivId) shape.fail(`${path}.id`, `"${rawId}" is not an arXiv id`);
  const title = shape.string(value, 'title', path).trim().replace(/\s+/g, ' ');
  if (title === '') shape.fail(`${path}.title`, 'is empty');
  const abstract = (value.summary === undefined || value.summary === null ? '' : shape.string(value, 'summary', path))
    .trim()
    .replace(/\s+/g, ' ');
  let authors: number | null = null;
  if (value.authors !== undefined && value.authors !== null) {
    if (!Array.isArray(value.authors)) shape.fail(`${path}.authors`, `is a ${kind(value.authors)}, not a list`);
    authors = value.authors.length;
  }
  let upvotes = 0;
  if (value.upvotes !== undefined && value.upvotes !== null) {
    if (typeof value.upvotes !== 'number' || !Number.isInteger(value.upvotes) || value.upvotes < 0) {
      shape.fail(`${path}.upvotes`, 'is not a count');
    }
    upvotes = value.upvotes;
  }
  let published: DigestDate | null = null;
  let publishedAt: string | null = null;
  if (value.publishedAt !== undefined && value.publishedAt !== null) {
    publishedAt = shape.string(value, 'publishedAt', path);
    const iso = isoDayOfTimestamp(publishedAt);
    if (!iso) shape.fail(`${path}.publishedAt`, `"${publishedAt}" is not a date`);
    published = { raw: publishedAt, iso };
  }
  // An organisation page the paper is claimed by: `{name, fullname, …}`; anything else is ignored.
  const org = isRecord(value.organization) ? (value.organization.fullname ?? value.organization.name) : null;
  const organization = typeof org === 'string' && org.trim() !== '' ? org.trim() : null;
  return { paper: { title, abstract, authors, organization, published, upvotes, arxivId, line }, publishedAt };
}

/** The latest of the timestamps (ISO strings sort by time when written alike). */
function latestDate(candidates: Array<string | null>): DigestDate | null {
  let best: DigestDate | null = null;
  for (const raw of candidates) {
    const iso = raw && isoDayOfTimestamp(raw);
    if (raw && iso && (!best || raw > best.raw)) best = { raw, iso };
  }
  return best;
}

/** Which Hugging Face JSON this is, or null when it is none of them. */
export function detectHfJson(value: Json): HfFormat | null {
  if (isRecord(value)) return 'title' in value && 'id' in value ? 'hf-paper-json' : null;
  if (!Array.isArray(value) || value.length === 0) return null;
  const first = value[0];
  if (!isRecord(first) || !('paper' in first)) return null;
  return 'highlightedTitle' in first ? 'hf-search-json' : 'hf-daily-json';
}

export function parseHfJson(fileName: string, value: Json, format: HfFormat): ParsedDigest {
  const shape: Shape = new Shape(fileName, format);
  const papers: ParsedPaper[] = [];
  const dates: Array<string | null> = [];
  if (format === 'hf-paper-json') {
    const { paper, publishedAt } = toPaper(shape, value, '$', 1);
    papers.push(paper);
    dates.push(publishedAt);
  } else {
    if (!Array.isArray(value)) return shape.fail('$', `is a ${kind(value)}, not a list`);
    value.forEach((item: Json, index) => {
      if (!isRecord(item)) shape.fail(`[${index}]`, `is a ${kind(item)}, not an object`);
      const { paper, publishedAt } = toPaper(shape, item.paper, `[${index}].paper`, 1);
      papers.push(paper);
      // The item's own publishedAt is when it was listed on Daily Papers; the paper's is arXiv's.
      dates.push(typeof item.publishedAt === 'string' ? item.publishedAt : publishedAt);
    });
  }
  const digestDate = latestDate(dates);
  if (!digestDate) shape.fail(format === 'hf-paper-json' ? '$.publishedAt' : '[*].publishedAt', 'is missing: the file carries no date');
  return ParsedDigestSchema.parse({ fileName, format: format satisfies DigestFormat, digestDate, papers });
}
