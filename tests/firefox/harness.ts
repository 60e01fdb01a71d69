/**
 * Loads the Firefox build (.output/firefox-mv2) into Debian's Firefox ESR with puppeteer-core over
 * WebDriver BiDi, for the Firefox suite. Playwright cannot drive a stock Firefox (its Firefox is a
 * patched build that cannot be had here), so this suite has its own harness. What each workaround
 * is for (found 2026-11, Firefox ESR 153, puppeteer-core 25.16.0, pinned exactly because
 * `openExtensionPage` reaches into its BiDi internals):
 * - `--remote-allow-system-access`: without it Firefox refuses to navigate to moz-extension:// pages.
 * - `extensions.webextensions.uuids`: fixes the add-on's internal UUID, so its origin is known.
 * - BiDi sends no load events for extension documents (Mozilla bug 1755014), so `page.goto` times
 *   out: extension pages are opened with the raw `browsingContext.navigate` and a wait for a selector.
 * - Extension pages report `about:blank` as their URL and their console and errors do not arrive.
 * - Under MV2 the background page is not a target; any extension page has the same origin (and its
 *   IndexedDB) and `browser.runtime`, so it stands in for it.
 * - Since Firefox 140 `data:` loads come through interception too and answering them fails: only
 *   http(s) requests are answered, the rest continued, and every answer's rejection is caught.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { BidiFrame } from 'puppeteer-core/internal/bidi/Frame.js';
import { REPO_ROOT } from '../support/paths';
import { pageHtml, type SitePage } from '../support/site-pages';
import { type NetworkWatch, watchNetwork } from './network-watch';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(process.env.DIGESTLENS_FIREFOX_DIR ?? join(REPO_ROOT, '.output/firefox-mv2'));
/** The add-on id the manifest fixes (wxt.config.ts) and the internal UUID the tests give it. */
export const ADDON_ID = 'digestlens@digestlens.invalid';
export const ADDON_UUID = '6d5c1b1e-d1e5-4c3a-9b1e-7e57d16e57a1';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

/**
 * Whether the suite can run here. In CI a missing Firefox is a failure (`.ci/run` installs it); on
 * a developer machine the suite is skipped with a message that says how to get it.
 */
export function firefoxAvailable(): boolean {
  if (existsSync(FIREFOX_PATH)) return true;
  const how = `Firefox ESR not found at ${FIREFOX_PATH}: install it with \`apt-get install firefox-esr\` (or set FIREFOX_PATH)`;
  if (process.env.CI) throw new Error(how);
  console.warn(`DigestLens Firefox suite skipped. ${how}`);
  return false;
}

export interface FirefoxSession {
  browser: Browser;
  /** Every http(s) URL any page asked for, in order: answered inside the browser (served, or a 404) or passed through. */
  requests: string[];
  /** Every request that got past the pages' interception and tried to leave the browser (network-watch.ts). */
  escaped: string[];
  /** The URLs of the pages served so far. */
  served(): string[];
  /** Where Firefox saves downloads (a backup export), without asking. */
  downloadsDir: string;
  /** Pages served at their real URLs, by URL (the rest get a 404). */
  serve(url: string, html: string): void;
  /** Opens an extension page (`popup.html`, `library.html#notes`) in a new tab once `ready` matches. */
  openExtensionPage(path: string, ready?: string): Promise<Page>;
  /** Opens a saved page at its real URL. */
  openSitePage(page: SitePage): Promise<Page>;
  /** Installs the build again over itself (as a developer reloading a temporary add-on does). */
  reinstall(): Promise<void>;
  close(): Promise<void>;
}

async function answer(request: HTTPRequest, served: Map<string, string>, requests: string[], passThrough: Set<string>): Promise<void> {
  const url = request.url();
  if (!/^https?:/.test(url)) {
    await request.continue().catch(() => undefined);
    return;
  }
  requests.push(url);
  if (passThrough.has(new URL(url).origin)) {
    await request.continue().catch(() => undefined);
    return;
  }
  const body = served.get(url.replace(/#.*$/, ''));
  await request
    .respond(
      body === undefined
        ? { status: 404, contentType: 'text/plain', body: 'offline test' }
        : { status: 200, contentType: 'text/html; charset=utf-8', body },
    )
    .catch(() => undefined);
}

async function launchOrClose(network: NetworkWatch, options: Parameters<typeof puppeteer.launch>[0]): Promise<Browser> {
  try {
    return await puppeteer.launch(options);
  } catch (error) {
    await network.close();
    throw error;
  }
}

export interface LaunchOptions {
  profileDir?: string;
  /** Firefox preferences on top of the harness's own (a test of idle behaviour shortens a timeout). */
  prefs?: Record<string, string | number | boolean>;
  /**
   * Loopback origins (`http://127.0.0.1:<port>`, the sync test's server) whose requests go to the
   * real server: pages' requests are let through, and the proxy is bypassed for them, so the
   * background page (no target, so no interception) reaches them too. Everything else stays offline.
   */
  passThroughOrigins?: readonly string[];
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build\` first`);
  }
  const ownProfile = options.profileDir === undefined;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'digestlens-firefox-'));
  const downloadsDir = join(profile, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  const passThrough = [...(options.passThroughOrigins ?? [])];
  const network = await watchNetwork();
  const browser = await launchOrClose(network, {
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    // Release builds ignore puppeteer's `services.settings.server` (a dummy) unless this is set;
    // without it Firefox fetches its remote settings (blocklists) at startup.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // No update checks, telemetry or captive-portal probes: the test proves the extension sends nothing.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.safebrowsing.update.enabled': false,
      // Every http(s) request not answered by interception goes to the watch, which refuses it.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': network.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': network.port,
      // Entries are `host:port`, so only the pass-through servers themselves skip the watch.
      'network.proxy.no_proxies_on': passThrough.map((origin) => new URL(origin).host).join(', '),
      'network.proxy.allow_hijacking_localhost': true,
      // A download (the backup export) is saved into downloadsDir without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      ...options.prefs,
    },
  });
  const served = new Map<string, string>();
  const requests: string[] = [];
  const passThroughSet = new Set(passThrough);
  const install = () => browser.installExtension(FIREFOX_EXTENSION_DIR);
  try {
    await install();
  } catch (error) {
    await browser.close();
    await network.close();
    throw error;
  }

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => void answer(request, served, requests, passThroughSet));
    return page;
  }

  return {
    browser,
    requests,
    escaped: network.escaped,
    downloadsDir,
    served: () => [...served.keys()],
    serve(url, html) {
      served.set(url, html);
    },
    async openExtensionPage(path, ready = 'body *') {
      const page = await newPage();
      // page.goto waits for a load event BiDi never sends for extension documents (bug 1755014).
      await (page.mainFrame() as unknown as BidiFrame).browsingContext.navigate(`${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`, 'none');
      await page.waitForSelector(ready, { timeout: 15_000 });
      return page;
    },
    async openSitePage(site) {
      served.set(site.url, pageHtml(site));
      const page = await newPage();
      await page.setViewport({ width: 1200, height: 900 });
      await page.goto(site.url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    async reinstall() {
      await install();
    },
    async close() {
      await browser.close();
      await network.close();
      if (ownProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
