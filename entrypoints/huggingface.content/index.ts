import { runFeatures } from '@/lib/content/run-features';
import { hostPattern } from '@/lib/sites/hosts';
import { readHuggingFacePage } from '@/lib/sites/huggingface';

/**
 * Hugging Face: daily papers, trending, paper search and paper pages. The site navigates in-page
 * (it is a single-page app), so the script runs on every huggingface.co page and re-reads the
 * page after each navigation; pages that show no papers are left alone.
 */
export default defineContentScript({
  matches: [hostPattern('huggingface.co')],
  runAt: 'document_end',
  // WXT's "script started" postMessage would tell every page the extension id (lib/content/page-proof-context.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    runFeatures(ctx, { read: readHuggingFacePage, followsInPageNavigation: true });
  },
});
