/**
 * The one Firefox session fixture: each test file launches Firefox with the build installed once
 * (a fresh profile, so an empty database), optionally imports the fixture digests through the
 * Library page's file input, and closes it after its last test. On closing it checks, for every
 * file of the suite, that nothing left the browser: no request reached the network watch, and
 * the pages asked only for what the served pages are made of.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { FIXTURE_PAPER_COUNT, fixtureDigestFiles, pageHtml, SITE_PAGES } from '../support/site-pages';
import { type FirefoxSession, launchFirefox } from './harness';

export type { FirefoxSession } from './harness';

/** Imports `files` through the Library page's file input (in Firefox the popup closes on a file dialog). */
export async function importThroughLibrary(session: FirefoxSession, files: string[]): Promise<Page> {
  const page = await session.openExtensionPage('library.html', '[data-testid=file-input]');
  const input = (await page.$('input[data-testid=file-input]')) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error('the Library page has no file input');
  await input.uploadFile(...files);
  await page.waitForSelector('[data-testid=import-progress][data-running=false]', { timeout: 30_000 });
  return page;
}

export interface SessionOptions {
  digests: 'fixtures' | 'none';
  /** Firefox preferences for this file's browser (tests/firefox/harness.ts). */
  prefs?: Record<string, string | number | boolean>;
  /** Origins whose requests reach the real server (tests/firefox/harness.ts). */
  passThroughOrigins?: readonly string[];
}

export async function launchSession(options: SessionOptions): Promise<FirefoxSession> {
  const session = await launchFirefox({ prefs: options.prefs, passThroughOrigins: options.passThroughOrigins });
  try {
    if (options.digests === 'fixtures') {
      const library = await importThroughLibrary(session, fixtureDigestFiles());
      const count = await library.$eval('[data-testid=paper-count]', (e) => e.textContent);
      if (count !== String(FIXTURE_PAPER_COUNT))
        throw new Error(`expected ${FIXTURE_PAPER_COUNT} papers after the import, the Library shows ${count}`);
      await library.close();
    }
    return session;
  } catch (error) {
    await session.close();
    throw error;
  }
}

/**
 * What a request from a page may be: a served page; a resource the served page's own HTML names
 * (its stylesheets, scripts and images) or one in a folder it names (Hugging Face's scripts load
 * more of its build from there); or the browser's own `/favicon.ico` for a served site. All are
 * answered inside the browser (a 404). Anything else came from somewhere else: from us.
 */
export function unexplainedRequests(session: FirefoxSession): string[] {
  const served = new Set(session.served());
  const servedOrigins = new Set([...served].map((url) => new URL(url).origin));
  const html = Object.values(SITE_PAGES)
    .filter((p) => served.has(p.url))
    .map(pageHtml)
    .join('\n');
  return session.requests.filter((url) => {
    if (served.has(url.replace(/#.*$/, ''))) return false;
    const { origin, host, pathname, search } = new URL(url);
    if (pathname === '/favicon.ico' && servedOrigins.has(origin)) return false;
    // A page's own script may build a URL on a host its HTML names (arXiv's 2018 page loads its
    // analytics as "//webanalytics.library.cornell.edu/" + "piwik.js").
    if (html.includes(`//${host}/`)) return false;
    const folder = pathname.slice(0, pathname.lastIndexOf('/') + 1);
    return !(
      html.includes(url) ||
      (pathname.length > 1 && html.includes(`${pathname}${search}`)) ||
      (folder.length > 1 && html.includes(`${origin}${folder}`))
    );
  });
}

/** Checks that nothing left the browser in this session: run at the end of every file. */
export function expectNothingLeft(session: FirefoxSession): void {
  expect(session.escaped, 'requests that tried to leave the browser').toEqual([]);
  expect(unexplainedRequests(session), 'requests no served page asked for').toEqual([]);
}

/**
 * Launches Firefox before the file's first test and closes it after the last, checking that
 * nothing left the browser. With `digests: 'fixtures'` the three sample digests and the digest of
 * fixture papers are imported first (125 papers; tests/support/site-pages.ts).
 */
export function sessionForThisFile(options: SessionOptions): () => FirefoxSession {
  let session: FirefoxSession | null = null;
  beforeAll(async () => {
    session = await launchSession(options);
  });
  afterAll(async () => {
    if (!session) return;
    try {
      expectNothingLeft(session);
    } finally {
      await session.close();
    }
  });
  return () => {
    if (!session) throw new Error('the Firefox session is not open (used outside a test?)');
    return session;
  };
}
