/**
 * Loads the built extension (.output/chrome-mv3) into Debian's Chromium with playwright-core, for
 * the browser tests and scripts/bench-import.ts. Run `npx wxt build` first.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The build to load; DIGESTLENS_EXTENSION_DIR points elsewhere (a copy, so a rebuild cannot pull it away mid-run). */
export const EXTENSION_DIR = resolve(process.env.DIGESTLENS_EXTENSION_DIR ?? join(REPO_ROOT, '.output/chrome-mv3'));
/** Shared data lives next to the repository (../shared), so a fresh clone beside it works too. */
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');
const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The background service worker, for evaluating code in the extension's origin. */
  worker: Worker;
  /** Opens an extension page (`popup.html`, `library.html`) in a new tab and waits for it to load. */
  openPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Where a screenshot or other output goes: test-artifacts/ at the repo root (gitignored). */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

export interface LaunchOptions {
  /**
   * Origins whose requests go through to the real server (the sync test's local server on
   * 127.0.0.1); every other request still gets the offline 404.
   */
  passThroughOrigins?: readonly string[];
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first`);
  }
  // A fresh profile every time: each session starts with an empty database.
  const profile = mkdtempSync(join(tmpdir(), 'digestlens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Extensions load in the new headless mode, which is what `headless: true` starts.
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      // Containers have no user namespaces for the sandbox, and no GPU.
      '--no-sandbox',
      '--disable-gpu',
      // The extension makes no requests; Chromium's own background traffic is switched off, and
      // any name that still gets looked up fails at once instead of waiting for a network.
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Loopback stays reachable: the sync tests' server listens on 127.0.0.1.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  try {
    // Anything a page asks of the web gets a 404, so a test never depends on the network. The
    // extension's own files (chrome-extension://) are left out of the route so they load untouched,
    // and so are the origins a test passes through.
    const passThrough = new Set(options.passThroughOrigins ?? []);
    await context.route(
      (url) => url.protocol !== 'chrome-extension:' && !passThrough.has(url.origin),
      (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'offline test' }),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;

    return {
      context,
      extensionId,
      worker,
      async openPage(path, viewport) {
        const page = await context.newPage();
        if (viewport) await page.setViewportSize(viewport);
        await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
        return page;
      },
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
