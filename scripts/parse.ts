/**
 * `npm run parse -- FILE...`: the parser's view of digest files, as one JSON array on stdout, one object per
 * digest (a file featured on several days prints several, with the same `file`). Every format (Hugging Face
 * text, JSON and saved pages, arXiv Atom, mailing and saved listings; recognised from the content) prints the same shape.
 * A file it refuses prints its message on stderr and makes the exit code 1; the others still print.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { JSDOM } from 'jsdom';
import { DigestError, type HtmlReader, parseDigestBytes } from '../lib/digest';

/** Saved pages (.html) are read with jsdom here, as extension pages read them with DOMParser. */
const readHtml: HtmlReader = (html) => new JSDOM(html).window.document;

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run parse -- FILE...');
  process.exit(2);
}

const results: unknown[] = [];
let failed = false;
for (const file of files) {
  try {
    for (const digest of parseDigestBytes(basename(file), readFileSync(file), { readHtml })) {
      results.push({
        file,
        format: digest.format,
        digestDate: digest.digestDate.iso,
        digestDateRaw: digest.digestDate.raw,
        papers: digest.papers.map((p) => ({
          title: p.title,
          abstract: p.abstract,
          authors: p.authors,
          organization: p.organization,
          published: p.published?.raw ?? null,
          upvotes: p.upvotes,
          arxivId: p.arxivId,
          ...(p.authorNames ? { authorNames: p.authorNames } : {}),
          ...(p.section ? { section: p.section } : {}),
        })),
      });
    }
  } catch (error) {
    failed = true;
    const message = error instanceof DigestError ? error.message.replace(basename(file), file) : `${file}: ${String(error)}`;
    console.error(message);
  }
}
// exitCode rather than exit(): exit() can cut a large write to a pipe short.
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
