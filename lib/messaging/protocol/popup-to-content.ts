import * as z from 'zod/mini';
import type { SeenPaper } from './shared';

/**
 * Popup (and the background's keyboard commands) → content script of a tab, one-off messages.
 * Served by lib/content/page-paper-query.ts.
 */

export const PopupRequestSchema = z.discriminatedUnion('type', [
  /** Which paper does your page show? The page's own paper on a paper page, else null. */
  z.object({ type: z.literal('page-paper') }),
  /** Open (and focus) your note editor on the page's paper: answered true when the page did, false when it shows none. */
  z.object({ type: z.literal('open-note') }),
  /** Add your page to my digests (the one-click capture); answered with the import's lines, or why nothing was added. */
  z.object({ type: z.literal('capture-page') }),
]);
export type PopupRequest = z.infer<typeof PopupRequestSchema>;

export interface PopupResponses {
  'page-paper': SeenPaper | null;
  'open-note': boolean;
  'capture-page': { ok: true; text: string; added: boolean } | { ok: false; error: string };
}
