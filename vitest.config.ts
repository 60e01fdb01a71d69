import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure logic and the database, in Node with fake-indexeddb and WXT's fake browser.
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // The built extension in Debian's Chromium, driven by playwright-core. Needs `wxt build` first.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The Firefox build in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi. Needs `npm run build` first.
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          // Prints the Firefox version, and the suite's run time at the end.
          globalSetup: ['tests/firefox/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
