import { defineConfig } from 'wxt';
import { SUPPORTED_HOST_PATTERNS } from './lib/sites/hosts';

// The manifest asks for the least it can: local storage (with no quota, for large corpora)
// and the two sites whose pages DigestLens annotates (lib/sites/hosts.ts, the one list of them).
// It makes no network requests at all.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'DigestLens',
    description: 'See which papers on arXiv and Hugging Face are in your research digests. Private and offline.',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: SUPPORTED_HOST_PATTERNS,
    action: { default_title: 'DigestLens' },
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
