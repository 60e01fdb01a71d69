import { z } from 'zod';
import { normalizeArxivId } from '../identity/arxiv-id';
import { DigestLineError } from './errors';
import { byFeaturedDay } from './featured-days';
import { isoDayOfTimestamp } from './formats';
import type { DigestContent, DigestDate, ParsedPaper } from './types';

/**
 * Parsers for Hugging Face JSON: `api/daily_papers` (an array of `{paper, publishedAt, …}`),
 * `api/papers/search` (the same items plus `highlightedTitle`) and `api/papers/<id>` (one paper
 * object). `paper.id` is the arXiv id. The shape is a zod schema; a refusal names the JSON path at
 * fault and what is wrong there (`[3].paper.title is missing`), from the schema's first issue.
 */

const WHAT = {
  'hf-daily-json': 'a Hugging Face daily papers feed',
  'hf-search-json': 'a Hugging Face paper search result',
  'hf-paper-json': 'a Hugging Face paper',
} as const;

type HfFormat = keyof typeof WHAT;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a JSON value is, for messages. */
function kind(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}

const notA =
  (expected: string) =>
  ({ input }: { input?: unknown }): string =>
    `is a ${kind(input)}, not ${expected}`;

/** A string that must be there: null counts as missing. */
const requiredText = z.string({
  error: ({ input }) => (input === undefined || input === null ? 'is missing' : notA('a string')({ input })),
});
/** A string that may be missing (or null). */
const optionalText = z.string({ error: notA('a string') }).nullish();
/** One space between words, none at the ends. */
const oneLine = (text: string): string => text.trim().replace(/\s+/g, ' ');

/** A timestamp that may be missing; its day is what counts. */
const optionalTimestamp = optionalText.transform((raw, ctx): DigestDate | null => {
  if (raw === null || raw === undefined) return null;
  const iso = isoDayOfTimestamp(raw);
  if (!iso) ctx.issues.push({ code: 'custom', message: `"${raw}" is not a date`, input: raw });
  return iso ? { raw, iso } : z.NEVER;
});

const HfPaperSchema = z.object(
  {
    id: requiredText.transform((raw, ctx) => {
      const arxivId = normalizeArxivId(raw);
      if (!arxivId) ctx.issues.push({ code: 'custom', message: `"${raw}" is not an arXiv id`, input: raw });
      return arxivId ?? z.NEVER;
    }),
    title: requiredText.transform(oneLine).refine((title) => title !== '', { error: 'is empty' }),
    summary: optionalText.transform((summary) => oneLine(summary ?? '')),
    authors: z.array(z.unknown(), { error: notA('a list') }).nullish(),
    upvotes: z
      .number({ error: 'is not a count' })
      .refine((n) => Number.isInteger(n) && n >= 0, { error: 'is not a count' })
      .nullish(),
    publishedAt: optionalTimestamp,
    /** The day Hugging Face featured the paper on Daily Papers: the digest's date (featured-days.ts). */
    submittedOnDailyAt: optionalTimestamp,
    /** An organisation page the paper is claimed by: `{name, fullname, …}`; anything else is ignored. */
    organization: z.unknown().optional(),
  },
  { error: notA('an object') },
);
type HfPaper = z.infer<typeof HfPaperSchema>;

const HfListSchema = z.array(
  z.object(
    {
      paper: HfPaperSchema,
      /** When the item was listed on Daily Papers (the paper's own publishedAt is arXiv's); used only when a string. */
      publishedAt: z.unknown().optional(),
    },
    { error: notA('an object') },
  ),
  { error: notA('a list') },
);

/** The names of the `authors` entries (`{name, …}`), in order; entries without a name are skipped. */
function authorNamesOf(authors: unknown[]): string[] {
  const names: string[] = [];
  for (const author of authors) {
    const name = isRecord(author) && typeof author.name === 'string' ? oneLine(author.name) : '';
    if (name !== '') names.push(name.slice(0, 500));
  }
  return names;
}

function toPaper(hf: HfPaper): ParsedPaper {
  const names = hf.authors ? authorNamesOf(hf.authors) : [];
  const org = isRecord(hf.organization) ? (hf.organization.fullname ?? hf.organization.name) : null;
  return {
    title: hf.title,
    abstract: hf.summary,
    authors: hf.authors ? hf.authors.length : null,
    authorNames: names.length ? names.slice(0, 2000) : null,
    organization: typeof org === 'string' && org.trim() !== '' ? org.trim() : null,
    published: hf.publishedAt,
    upvotes: hf.upvotes ?? 0,
    arxivId: hf.id,
    line: 1,
  };
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

/** A zod issue's path as the file's JSON path: `$`, `$.publishedAt`, `[3].paper.title`. */
function jsonPath(path: PropertyKey[]): string {
  const written = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  return written.startsWith('[') ? written : `$${written}`;
}

/** Which Hugging Face JSON this is, or null when it is none of them. */
export function detectHfJson(value: unknown): HfFormat | null {
  if (isRecord(value)) return 'title' in value && 'id' in value ? 'hf-paper-json' : null;
  if (!Array.isArray(value) || value.length === 0) return null;
  const first = value[0];
  if (!isRecord(first) || !('paper' in first)) return null;
  return 'highlightedTitle' in first ? 'hf-search-json' : 'hf-daily-json';
}

/**
 * The file's digests. A daily feed (and a paper page) is dated by the day each paper was featured
 * (`paper.submittedOnDailyAt`), one digest per day; a search result, whose papers need not have been
 * featured, keeps one digest dated by its latest listing (its items' `publishedAt`).
 */
export function parseHfJson(value: unknown, format: HfFormat): DigestContent[] {
  const refuse = (path: string, problem: string): never => {
    throw new DigestLineError(1, `not ${WHAT[format]}: ${path} ${problem}`);
  };
  const parsed = format === 'hf-paper-json' ? HfPaperSchema.safeParse(value) : HfListSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    return refuse(jsonPath(issue.path), issue.message);
  }
  const items = Array.isArray(parsed.data) ? parsed.data : [{ paper: parsed.data, publishedAt: undefined }];
  if (format === 'hf-search-json') {
    const digestDate = latestDate(
      items.map((item) => (typeof item.publishedAt === 'string' ? item.publishedAt : (item.paper.publishedAt?.raw ?? null))),
    );
    if (!digestDate) return refuse('[*].publishedAt', 'is missing: the file carries no date');
    return [{ format, digestDate, papers: items.map((item) => toPaper(item.paper)) }];
  }
  const unfeatured = items.findIndex((item) => item.paper.submittedOnDailyAt === null);
  if (unfeatured !== -1) {
    const path = format === 'hf-paper-json' ? '$.submittedOnDailyAt' : `[${unfeatured}].paper.submittedOnDailyAt`;
    return refuse(path, 'is missing: the day the paper was featured on Daily Papers dates the digest');
  }
  return byFeaturedDay(items, (item) => item.paper.submittedOnDailyAt as DigestDate).map((day) => ({
    format,
    digestDate: day.date,
    papers: day.items.map((item) => toPaper(item.paper)),
  }));
}
