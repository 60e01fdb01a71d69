import { runAnnotator } from '@/lib/annotate/run-annotator';
import { hostPattern } from '@/lib/sites/hosts';

/** arXiv: abstract, listing, search and HTML full-text pages (lib/sites/arxiv.ts decides which). */
export default defineContentScript({
  matches: [hostPattern('arxiv.org')],
  runAt: 'document_end',
  main(ctx) {
    runAnnotator(ctx, { followsInPageNavigation: false });
  },
});
