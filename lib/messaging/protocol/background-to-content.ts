import * as z from 'zod/mini';

/**
 * Background → content script, over a port the content script opens: events only, no requests.
 * Served by lib/corpus/paper-state.ts.
 */

/** Port a content script opens to hear when any paper's queue or note state changes, from any tab. */
export const STATE_PORT = 'digestlens:paper-state';

/** The state of one paper after a change. */
const PaperStateSchema = z.object({ paperId: z.string(), queued: z.boolean(), noted: z.boolean() });
export type PaperState = z.infer<typeof PaperStateSchema>;

export const PaperStateEventSchema = z.discriminatedUnion('type', [
  /** These papers were queued, read, unqueued, noted or un-noted; the content script keeps those it shows. */
  z.object({ type: z.literal('paper-state-changed'), changes: z.array(PaperStateSchema) }),
]);
export type PaperStateEvent = z.infer<typeof PaperStateEventSchema>;

/** The state port takes no requests: any is answered `failed`. */
export const NoPaperStateRequests = z.never();
