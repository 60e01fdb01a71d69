/**
 * `npm run parse -- FILE...`: the parser's view of digest files, as one JSON array on stdout. Every format
 * (Hugging Face text and JSON, arXiv Atom and mailing; recognised from the content) prints the same shape.
 * A file it refuses prints its message on stderr and makes the exit code 1; the others still print.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DigestError, parseDigestBytes } from '../lib/digest';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run parse -- FILE...');
  process.exit(2);
}

const results: unknown[] = [];
let failed = false;
for (const file of files) {
  try {
    const digest = parseDigestBytes(basename(file), readFileSync(file));
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
      })),
    });
  } catch (error) {
    failed = true;
    const message = error instanceof DigestError ? error.message.replace(basename(file), file) : `${file}: ${String(error)}`;
    console.error(message);
  }
}
// exitCode rather than exit(): exit() can cut a large write to a pipe short.
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
