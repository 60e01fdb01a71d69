import * as z from 'zod/mini';
import { SeenPaperSchema } from '../../identity/seen-paper';

/**
 * What every direction of the protocol shares: the answer envelope, the wire shape of a request on
 * a port, and the one description of a paper as a page shows it (lib/identity/seen-paper.ts).
 * `zod/mini`: content scripts bundle these schemas (mini is ~5 KB gzipped against ~90 for classic zod).
 */

export { type SeenPaper, SeenPaperSchema } from '../../identity/seen-paper';

/** The most papers one request may name: arXiv shows at most 2,000 on a page; a flooded page gets refused. */
export const MAX_PAPERS_PER_PAGE = 5000;

/** Every answer: the value, or the reason there is none. Never a thrown error across contexts, never silence. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** Asking side → serving side on a port: a request and the id its answer carries. */
export const PortRequestSchema = z.object({ id: z.number(), request: z.unknown() });
export type PortRequest = z.infer<typeof PortRequestSchema>;

/**
 * Serving side → asking side on a port: the answer to request `id` (null when the message was too
 * malformed to carry one), or an event the server pushes unasked.
 */
export const PortMessageSchema = z.union([
  z.object({ id: z.nullable(z.number()), answer: EnvelopeSchema }),
  z.object({ event: z.unknown() }),
]);
export type PortMessage = { id: number | null; answer: Envelope<unknown> } | { event: unknown };

/** A paper as a request names it: the seen paper (its size limits are the schema's). */
export const RequestPaperSchema = SeenPaperSchema;

/** A digest a paper is in, as badges and panels show it. */
export interface DigestMembership {
  digestId: string;
  /** ISO date of the digest. */
  date: string;
  upvotes: number;
}
