/**
 * What the runner does inside one local mirror: write local changes into it, fold conflicts,
 * merge the two ids of one paper, and read what arrived for the local side. PouchDB calls only;
 * the rules themselves are pure (conflicts.ts).
 */

import { couchWinner, findSamePapers, keepsWinner, mergeSamePaper, type Revision, resolveConflict } from './conflicts';
import {
  type DatabaseRole,
  type NoteDoc,
  type NoteVersionDoc,
  noteDocId,
  type PaperDoc,
  parseDocId,
  parseSyncDoc,
  type QueueDoc,
  queueDocId,
  type SyncDoc,
  sameContent,
} from './documents';
import type { IncomingBatch, IncomingChange, Removal } from './local-side';
import { canonicalDoc, rowOf } from './mapping';
import type { MirrorDatabase, PouchDB } from './pouch';

type Writable = SyncDoc | Removal | { _id: string; _deleted: true; mergedInto: string };

/** The mirror's own bookkeeping (a `_local` document is never replicated). */
const UNPUSHED_ID = '_local/digestlens-unpushed';

function isRemoval(doc: Writable): doc is Removal {
  return '_deleted' in doc && doc._deleted === true;
}

/**
 * Writes documents into the mirror as edits of their current revision, skipping any whose content
 * is already there (so rewriting the same state makes no revision, on any device). Later entries
 * for one id replace earlier ones. Returns the ids written and their new revisions.
 */
export async function writeDocs(mirror: MirrorDatabase, docs: readonly Writable[]): Promise<Map<string, string>> {
  const latest = new Map(docs.map((d) => [d._id, d]));
  if (!latest.size) return new Map();
  const { rows } = await mirror.allDocs({ keys: [...latest.keys()], include_docs: true });
  const writes: Array<PouchDB.NewDoc<Record<string, unknown>>> = [];
  for (const row of rows) {
    const doc = latest.get(row.key);
    if (!doc) continue;
    const exists = !row.error && row.value;
    const deleted = exists ? row.value.deleted === true : true;
    if (isRemoval(doc)) {
      if (!deleted && exists) writes.push(canonicalDoc({ ...doc, _rev: row.value.rev }));
      continue;
    }
    if (!deleted && row.doc && sameContent(row.doc, doc)) continue;
    writes.push(canonicalDoc(exists ? { ...doc, _rev: row.value.rev } : { ...doc }));
  }
  const written = new Map<string, string>();
  if (!writes.length) return written;
  const results = await mirror.bulkDocs(writes);
  for (const result of results) {
    if (result.error || !result.id || !result.rev) throw new Error(`could not write ${result.id}: ${result.message ?? result.error}`);
    written.set(result.id, result.rev);
  }
  await rememberUnpushed(mirror, [...written.keys()]);
  return written;
}

/** Ids written into the mirror and not yet pushed: kept in the mirror so a restarted worker counts them. */
export async function unpushedIds(mirror: MirrorDatabase): Promise<string[]> {
  try {
    const doc = (await mirror.get(UNPUSHED_ID)) as { ids?: unknown };
    return Array.isArray(doc.ids) ? doc.ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

async function putUnpushed(mirror: MirrorDatabase, ids: string[]): Promise<void> {
  let rev: string | undefined;
  try {
    rev = (await mirror.get(UNPUSHED_ID))._rev;
  } catch {
    rev = undefined;
  }
  await mirror.put({ _id: UNPUSHED_ID, ...(rev ? { _rev: rev } : {}), ids });
}

async function rememberUnpushed(mirror: MirrorDatabase, ids: string[]): Promise<void> {
  await putUnpushed(mirror, [...new Set([...(await unpushedIds(mirror)), ...ids])]);
}

/** After a successful push: nothing written before `ids` were read waits any more. */
export async function forgetUnpushed(mirror: MirrorDatabase, ids: readonly string[]): Promise<void> {
  const pushed = new Set(ids);
  const left = (await unpushedIds(mirror)).filter((id) => !pushed.has(id));
  await putUnpushed(mirror, left);
}

/** All live revisions of one document, each validated; null when any of them is not ours. */
async function liveRevisions(
  mirror: MirrorDatabase,
  doc: PouchDB.Doc<Record<string, unknown>>,
  role: DatabaseRole,
): Promise<Revision[] | null> {
  const raws = [doc, ...(await Promise.all((doc._conflicts ?? []).map((rev) => mirror.get(doc._id, { rev }))))];
  const revisions: Revision[] = [];
  for (const raw of raws) {
    const { _conflicts, ...body } = raw;
    const parsed = await parseSyncDoc(body, role);
    if (!parsed) return null;
    revisions.push({ ...parsed, _rev: raw._rev });
  }
  return revisions;
}

/**
 * Folds a conflicted document: removes every losing leaf and, when the folded content differs
 * from the winner's, writes it on top of the winner; adds the kept texts. Two devices doing this
 * for the same revisions write the same bytes on the same parents, hence the same revision ids.
 * Returns false (and changes nothing) when a revision is not a valid document.
 */
export async function foldConflict(
  mirror: MirrorDatabase,
  doc: PouchDB.Doc<Record<string, unknown>>,
  role: DatabaseRole,
): Promise<boolean> {
  const revisions = await liveRevisions(mirror, doc, role);
  if (!revisions) return false;
  const resolution = await resolveConflict(revisions);
  const winner = couchWinner(revisions);
  const writes: Array<PouchDB.NewDoc<Record<string, unknown>>> = revisions
    .filter((r) => r._rev !== winner._rev)
    .map((loser) => ({ _id: loser._id, _rev: loser._rev, _deleted: true }));
  if (!keepsWinner(resolution, winner)) writes.push(canonicalDoc({ ...resolution.current, _rev: winner._rev }));
  const results = await mirror.bulkDocs(writes);
  const failed = results.find((r) => r.error);
  if (failed) throw new Error(`could not fold the conflict on ${doc._id}: ${failed.message ?? failed.error}`);
  await rememberUnpushed(mirror, [doc._id]);
  await writeDocs(mirror, resolution.extra);
  return true;
}

async function validDocs<T extends SyncDoc>(
  mirror: MirrorDatabase,
  role: DatabaseRole,
  query: { keys: string[] } | { startkey: string; endkey: string },
): Promise<Array<Revision<T>>> {
  const { rows } = await mirror.allDocs({ ...query, include_docs: true });
  const docs: Array<Revision<T>> = [];
  for (const row of rows) {
    if (!row.doc || row.value?.deleted) continue;
    const parsed = await parseSyncDoc(row.doc, role);
    if (parsed) docs.push({ ...(parsed as T), _rev: row.doc._rev });
  }
  return docs;
}

/**
 * Makes one paper of every paper stored under two ids (conflicts.ts, findSamePapers) in the
 * private mirror. Returns how many papers were merged away.
 */
export async function mergeSamePapers(mirror: MirrorDatabase): Promise<number> {
  const papers = await validDocs<PaperDoc>(mirror, 'private', { startkey: 'paper:', endkey: 'paper:\uffff' });
  const pairs = findSamePapers(papers);
  for (const { keep, drop } of pairs) {
    const ids = [noteDocId(keep.paperId), noteDocId(drop.paperId), queueDocId(keep.paperId), queueDocId(drop.paperId)];
    const byId = new Map((await validDocs<SyncDoc>(mirror, 'private', { keys: ids })).map((d) => [d._id, d]));
    const dropVersions = await validDocs<NoteVersionDoc>(mirror, 'private', {
      startkey: `version:${drop.paperId}:`,
      endkey: `version:${drop.paperId}:\uffff`,
    });
    const merge = await mergeSamePaper({
      keep,
      drop,
      keepNote: byId.get(ids[0] as string) as Revision<NoteDoc> | undefined,
      dropNote: byId.get(ids[1] as string) as Revision<NoteDoc> | undefined,
      keepQueue: byId.get(ids[2] as string) as Revision<QueueDoc> | undefined,
      dropQueue: byId.get(ids[3] as string) as Revision<QueueDoc> | undefined,
      dropVersions,
    });
    await writeDocs(mirror, [...merge.put, ...merge.remove]);
  }
  return pairs.length;
}

export interface ReadResult {
  batch: IncomingBatch;
  /** Documents refused (not a valid DigestLens document of this database). */
  rejected: number;
  /** Conflicted documents folded now: their folded state comes later in the feed. */
  folded: number;
  /** Whether a paper or a note arrived (then the same-paper merge is worth a look). */
  papersOrNotes: boolean;
  /** Whether the feed has more after this page (folding a conflict always adds to it). */
  more: boolean;
}

/**
 * Reads one page of the mirror's changes since `since` as a batch for the local side. Conflicts
 * are folded on the way (once per document per run: `foldedIds`); documents this runner itself
 * just wrote from the outbox (`ownWrites`, id → revision) are not echoed back.
 */
export async function readIncoming(
  mirror: MirrorDatabase,
  role: DatabaseRole,
  since: PouchDB.Seq,
  limit: number,
  foldedIds: Set<string>,
  ownWrites: ReadonlyMap<string, string>,
): Promise<ReadResult> {
  const page = await mirror.changes({ since, limit, include_docs: true, conflicts: true, return_docs: true });
  const changes: IncomingChange[] = [];
  const notices = new Set<string>();
  let rejected = 0;
  let folded = 0;
  let papersOrNotes = false;
  for (const change of page.results) {
    const doc = change.doc;
    if (!doc || doc._id.startsWith('_')) continue;
    // Not echoed back, unless a pulled revision now conflicts with it (then it must be folded).
    if (ownWrites.get(doc._id) === doc._rev && !doc._conflicts?.length) continue;
    if (doc._deleted) {
      const id = parseDocId(doc._id);
      if (!id) continue;
      const mergedInto = typeof doc.mergedInto === 'string' ? doc.mergedInto : null;
      changes.push({
        kind: 'removed',
        docKind: id.kind === 'version' ? 'noteVersion' : id.kind,
        key: id.kind === 'version' ? doc._id : id.key,
        mergedInto,
      });
      continue;
    }
    if (doc._conflicts?.length && !foldedIds.has(doc._id)) {
      foldedIds.add(doc._id);
      if (await foldConflict(mirror, doc, role)) {
        folded++;
        continue;
      }
    }
    const { _conflicts, ...body } = doc;
    const parsed = await parseSyncDoc(body, role);
    if (!parsed) {
      rejected++;
      continue;
    }
    if (parsed.type === 'paper' || parsed.type === 'note') papersOrNotes = true;
    if (parsed.type === 'noteVersion' && parsed.fromAnotherDevice) notices.add(parsed.paperId);
    changes.push(rowOf(parsed));
  }
  return {
    batch: { database: role, changes, notesWithTextFromAnotherDevice: [...notices], checkpoint: page.last_seq },
    rejected,
    folded,
    papersOrNotes,
    more: page.results.length >= limit || folded > 0,
  };
}
