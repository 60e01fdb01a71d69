/**
 * `npm run detect -- FILE URL`: what the site adapters (lib/sites) read from a saved page served at URL,
 * as one JSON array of `{ title, arxivId, abstract }` in page order on stdout. The page is parsed by
 * jsdom with URL as its address; its scripts do not run and nothing it references is loaded.
 * A URL that is not a supported page prints why on stderr and exits 1.
 */
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readPage } from '../lib/sites';

function main(args: string[]): number {
  const [file, address] = args;
  if (!file || !address || args.length > 2) {
    console.error('usage: npm run detect -- FILE URL   (e.g. page.html https://arxiv.org/abs/2501.11120)');
    return 2;
  }
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    console.error(`${address}: not a URL`);
    return 1;
  }
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  // A silent console: saved pages are full of CSS jsdom cannot parse, which is not the user's concern.
  const { document } = new JSDOM(html, { url: url.href, virtualConsole: new VirtualConsole() }).window;
  const reading = readPage(document, url);
  if (!reading) {
    console.error(
      `${url.href}: not a supported page (arXiv /abs/, /list/, /search/, /html/; Hugging Face /papers, /papers/trending, /papers/date/…, /papers/<id>)`,
    );
    return 1;
  }
  const papers = reading.papers.map(({ title, arxivId, abstract }) => ({ title, arxivId, abstract }));
  process.stdout.write(`${JSON.stringify(papers, null, 2)}\n`);
  return 0;
}

// exitCode rather than exit(): exit() can cut a large write to a pipe short.
process.exitCode = main(process.argv.slice(2));
