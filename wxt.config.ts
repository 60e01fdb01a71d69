import { defineConfig } from 'wxt';
import { manifestCommands } from './lib/commands/names';
import { SUPPORTED_HOST_PATTERNS } from './lib/sites/hosts';

/** Where a sync server may be (see optional permissions below). */
const SYNC_SERVER_PATTERNS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

// The manifest asks for the least it can: local storage (with no quota, for large corpora)
// and the two sites whose pages DigestLens annotates (lib/sites/hosts.ts, the one list of them).
// It makes no network requests, except to a sync server the user connects (README, "Sync").
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    name: 'DigestLens',
    description:
      'See which papers on arXiv and Hugging Face are in your digests. Private and offline; optional sync to your own CouchDB server.',
    // `alarms`: a connected sync runs every 15 minutes and retries after a failure even when Chrome
    // has stopped the idle service worker (lib/sync/background-sync.ts). Without a connection no
    // alarm is set.
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    host_permissions: SUPPORTED_HOST_PATTERNS,
    // Sync talks to a server the user names, so its host cannot be listed here. These optional
    // patterns grant nothing at install: they are only the ceiling that `permissions.request` may
    // ask within. Connecting requests exactly the server's own origin (hostPermissionPattern in
    // lib/sync/connection.ts), from the Connect click, and Disconnect gives it back. https anywhere;
    // plain http only on this computer, as checkServerUrl allows (the password travels with each
    // request). Chrome's patterns without a port match every port; Firefox's take no port at all.
    ...(browser === 'firefox' ? { optional_permissions: SYNC_SERVER_PATTERNS } : { optional_host_permissions: SYNC_SERVER_PATTERNS }),
    action: { default_title: 'DigestLens' },
    // Queue the tab's paper, open its note, open the popup (lib/commands/names.ts; README "Keyboard").
    commands: manifestCommands(manifestVersion),
    // Extension pages run only the extension's own bundled scripts: no eval, no inline script, no
    // WebAssembly (the MV3 default also allows 'wasm-unsafe-eval', which nothing here needs), no
    // plugins, and no <base> that could redirect relative URLs. WXT writes it as a string for MV2.
    // tests/browser/hostile-content.test.ts checks the built manifest.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none';" },
    // The note editor is an extension page framed into arXiv and Hugging Face paper pages (so the
    // note's text never enters their DOM); only those two sites may frame it, and only at an
    // address that changes every session (`use_dynamic_url`, Chrome), so a page cannot frame or
    // open the editor for a paper of its choice (issue 9). Firefox already randomises the address.
    web_accessible_resources: [
      { resources: ['note-editor.html'], matches: SUPPORTED_HOST_PATTERNS, ...(browser !== 'firefox' && { use_dynamic_url: true }) },
    ],
    // Firefox needs an add-on id for storage to survive reinstalls; Chrome rejects the key.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'digestlens@digestlens.invalid', strict_min_version: '128.0' },
      },
    }),
  }),
  webExt: {
    // `npm start` runs a fresh throw-away profile. Chromium refuses to start as root (containers,
    // CI boxes) unless its sandbox is off; a normal user keeps the sandbox.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
});
