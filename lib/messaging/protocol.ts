import { z } from 'zod';

/**
 * The one protocol between extension contexts. Every message is a zod schema here; receivers
 * parse with these schemas and check the sender before acting.
 */

/** Name of the long-lived port an extension page opens to import digest files. */
export const IMPORT_PORT = 'digestlens:import';

const ImportResultSchema = z.object({
  digestId: z.string(),
  status: z.enum(['imported', 'already-imported']),
  date: z.string(),
  newPapers: z.number().int(),
  knownPapers: z.number().int(),
  entries: z.number().int(),
});

/** Page → background: one file's text to import. Files are queued and imported in order. */
export const ImportRequestSchema = z.object({
  type: z.literal('import-file'),
  /** The file's place in this batch, echoed in the reply. */
  index: z.number().int().nonnegative(),
  name: z.string().min(1).max(1000),
  text: z.string(),
});
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

/** The outcome of one file: what it added, or why nothing was added. */
export const FileOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: ImportResultSchema }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type FileOutcome = z.infer<typeof FileOutcomeSchema>;

/** Background → page: a file is done. */
export const ImportReplySchema = z.object({
  type: z.literal('file-done'),
  index: z.number().int().nonnegative(),
  name: z.string(),
  outcome: FileOutcomeSchema,
});
export type ImportReply = z.infer<typeof ImportReplySchema>;
