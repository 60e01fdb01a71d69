import { runAnnotator } from '@/lib/annotate/run-annotator';

/** arXiv: abstract, listing, search and HTML full-text pages (lib/sites/arxiv.ts decides which). */
export default defineContentScript({
  matches: ['https://arxiv.org/*'],
  runAt: 'document_end',
  main(ctx) {
    runAnnotator(ctx, { followsInPageNavigation: false });
  },
});
