import { runFeatures } from '@/lib/content/run-features';
import { readArxivPage } from '@/lib/sites/arxiv';
import { hostPattern } from '@/lib/sites/hosts';

/** arXiv: abstract, listing, search and HTML full-text pages (lib/sites/arxiv.ts decides which). */
export default defineContentScript({
  matches: [hostPattern('arxiv.org')],
  runAt: 'document_end',
  // WXT's "script started" postMessage would tell every page the extension id (lib/content/page-proof-context.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    runFeatures(ctx, { read: readArxivPage, followsInPageNavigation: false });
  },
});
