import { browser } from 'wxt/browser';
import { db } from '@/lib/db/instance';
import { serveImports } from '@/lib/import/background-port';

export default defineBackground(() => {
  serveImports(browser.runtime, db);
});
