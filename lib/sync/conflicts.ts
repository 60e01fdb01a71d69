/**
 * Conflict rules, as pure functions over documents. CouchDB keeps every concurrent revision of
 * a document and picks the same winner on every replica; these rules then fold the revisions into
 * one content, keeping every text:
 * - concurrent edits of one note: the newer text (by `updatedAt`; ties by text, then revision)
 *   stays current, every other text becomes a note version marked `fromAnotherDevice`;
 * - an edit beats a deletion: CouchDB never picks a deleted leaf while a live one exists, and
 *   only live leaves are folded here;
 * - other kinds merge field by field (below), never by "last synced wins".
 * The result depends only on the set of revisions, never on which device computes it, so two
 * devices resolving the same conflict at once write byte-identical documents on the same parent
 * revision, which PouchDB's deterministic revisions turn into the same revision ids: no new
 * conflict.
 *
 * The one-paper-two-ids merge (`title:…` on one device, `arxiv:…` on another) is here too.
 */
import { type NoteDoc, type NoteVersionDoc, noteVersionDocId, type PaperDoc, type QueueDoc, type SyncDoc, sameContent } from './documents';
import { canonicalDoc } from './mapping';

/** A stored revision: a document with its `_rev`. */
export type Revision<T extends SyncDoc = SyncDoc> = T & { _rev: string };

/** What the revisions of one document fold into. */
export interface Resolution {
  /** The content to keep current under the document's id (no `_rev`). */
  current: SyncDoc;
  /** Documents to add beside it: the losing note texts, as versions from another device. */
  extra: SyncDoc[];
}

function revPosition(rev: string): number {
  return Number.parseInt(rev, 10);
}

/** CouchDB's winner among live leaves: the longest history, then the greater revision hash. */
export function couchWinner<T extends { _rev: string }>(revisions: readonly T[]): T {
  const sorted = [...revisions].sort(
    (a, b) => revPosition(b._rev) - revPosition(a._rev) || (b._rev > a._rev ? 1 : b._rev < a._rev ? -1 : 0),
  );
  const first = sorted[0];
  if (!first) throw new Error('couchWinner needs at least one revision');
  return first;
}

function compareDesc(a: string, b: string): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

function withoutRev<T extends SyncDoc>(doc: T): T {
  const { _rev, ...rest } = doc;
  return canonicalDoc(rest as T);
}

/** Newest first: by `updatedAt`, then by text, then by revision, so every device orders them alike. */
function newestNotesFirst(notes: readonly Revision<NoteDoc>[]): Revision<NoteDoc>[] {
  return [...notes].sort((a, b) => compareDesc(a.updatedAt, b.updatedAt) || compareDesc(a.text, b.text) || compareDesc(a._rev, b._rev));
}

/** A losing text kept as an earlier version, marked as coming from another device. */
async function versionFromAnotherDevice(note: NoteDoc, paperId: string): Promise<NoteVersionDoc> {
  const fields = { paperId, text: note.text, savedAt: note.updatedAt };
  return canonicalDoc({
    _id: await noteVersionDocId(fields),
    type: 'noteVersion' as const,
    ...fields,
    version: note.version,
    fromAnotherDevice: true,
  });
}

/**
 * Folds concurrent note texts (revisions of one note, or the notes of one paper known by two ids)
 * into the newer text under `paperId`, with every other non-empty text kept as a version. The
 * version number goes past every revision's, so an editor open on any of them sees a newer save.
 */
export async function foldNotes(notes: readonly Revision<NoteDoc>[], paperId: string): Promise<Resolution> {
  const [newest, ...older] = newestNotesFirst(notes);
  if (!newest) throw new Error('foldNotes needs at least one note');
  const version = Math.max(...notes.map((n) => n.version)) + 1;
  const current = canonicalDoc({ ...withoutRev(newest), _id: `note:${paperId}`, paperId, version });
  const extra = new Map<string, NoteVersionDoc>();
  for (const note of older) {
    if (note.text === newest.text || note.text === '') continue;
    const kept = await versionFromAnotherDevice(note, paperId);
    extra.set(kept._id, kept);
  }
  return { current, extra: [...extra.values()].sort((a, b) => compareDesc(b._id, a._id)) };
}

/** Paper fields one side may lack: a missing value is filled, a present one never replaced. */
export function fillPaper(base: PaperDoc, others: readonly PaperDoc[]): PaperDoc {
  const merged = { ...base };
  for (const other of others) {
    if (merged.arxivId === null && other.arxivId !== null) merged.arxivId = other.arxivId;
    if (merged.abstract === '' && other.abstract !== '') merged.abstract = other.abstract;
    if (merged.authors === null && other.authors !== null) merged.authors = other.authors;
    if (!merged.authorNames?.length && other.authorNames?.length) merged.authorNames = other.authorNames;
    if (merged.organization === null && other.organization !== null) merged.organization = other.organization;
    if ((merged.url === undefined || merged.url === null) && other.url) merged.url = other.url;
    if (other.addedAt < merged.addedAt) merged.addedAt = other.addedAt;
  }
  return merged;
}

/** Queue items for one paper: queued since the earliest, read when any device read it. */
function foldQueue(items: readonly Revision<QueueDoc>[]): QueueDoc {
  const sorted = [...items].sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : compareDesc(a._rev, b._rev)));
  const first = sorted[0];
  if (!first) throw new Error('foldQueue needs at least one item');
  const readTimes = items.flatMap((i) => (i.readAt ? [i.readAt] : [])).sort();
  return withoutRev({ ...first, order: Math.min(...items.map((i) => i.order)), readAt: readTimes.at(-1) ?? null });
}

/**
 * Folds the live revisions of ONE document (the winner and its `_conflicts`, each validated) into
 * one content. Deterministic: the same set of revisions gives the same result on every device.
 */
export async function resolveConflict(revisions: readonly Revision[]): Promise<Resolution> {
  const winner = couchWinner(revisions);
  switch (winner.type) {
    case 'note': {
      const notes = revisions.filter((r): r is Revision<NoteDoc> => r.type === 'note');
      return foldNotes(notes, winner.paperId);
    }
    case 'noteVersion': {
      // Same id, so same paper, time and text: only the flag and the number can differ.
      const versions = revisions.filter((r): r is Revision<NoteVersionDoc> => r.type === 'noteVersion');
      const current = withoutRev({
        ...winner,
        version: Math.min(...versions.map((v) => v.version)),
        fromAnotherDevice: versions.some((v) => v.fromAnotherDevice),
      });
      return { current, extra: [] };
    }
    case 'queue':
      return { current: foldQueue(revisions.filter((r): r is Revision<QueueDoc> => r.type === 'queue')), extra: [] };
    case 'paper': {
      const others = revisions.filter((r): r is Revision<PaperDoc> => r.type === 'paper' && r._rev !== winner._rev);
      const byRev = others.sort((a, b) => compareDesc(a._rev, b._rev));
      return { current: withoutRev(fillPaper(winner, byRev)), extra: [] };
    }
    case 'setting':
    case 'digest':
      // A digest is its content (its id is the hash of its text); a setting has no history to
      // merge: CouchDB's winner, the same on every device.
      return { current: withoutRev(winner), extra: [] };
  }
}

/** Whether a resolution leaves the winner's content as it is (then only the losers are removed). */
export function keepsWinner(resolution: Resolution, winner: Revision): boolean {
  return sameContent(resolution.current, winner);
}

/** Two stored papers that are one paper: `drop` (stored by title) folds into `keep` (stored by arXiv id). */
export interface SamePaper {
  keep: PaperDoc;
  drop: PaperDoc;
}

/**
 * Papers stored under `title:…` that a paper stored under `arxiv:…` also is, by the identity rule:
 * the same arXiv id, or, when the title paper has none, the same title key with exactly one
 * arXiv paper holding it (two would be a guess, and we never guess).
 */
export function findSamePapers(papers: readonly PaperDoc[]): SamePaper[] {
  const byId = new Map(papers.map((p) => [p.paperId, p]));
  const arxivByTitleKey = new Map<string, PaperDoc[]>();
  for (const paper of papers) {
    if (!paper.paperId.startsWith('arxiv:')) continue;
    arxivByTitleKey.set(paper.titleKey, [...(arxivByTitleKey.get(paper.titleKey) ?? []), paper]);
  }
  const pairs: SamePaper[] = [];
  for (const drop of papers) {
    if (!drop.paperId.startsWith('title:')) continue;
    const sameTitle = arxivByTitleKey.get(drop.titleKey) ?? [];
    const keep = drop.arxivId !== null ? byId.get(`arxiv:${drop.arxivId}`) : sameTitle.length === 1 ? sameTitle[0] : undefined;
    if (keep) pairs.push({ keep, drop });
  }
  return pairs.sort((a, b) => compareDesc(b.drop.paperId, a.drop.paperId));
}

/** Everything stored about the two ids of one paper. */
export interface SamePaperDocs extends SamePaper {
  keepNote?: Revision<NoteDoc>;
  dropNote?: Revision<NoteDoc>;
  dropVersions: readonly NoteVersionDoc[];
  keepQueue?: Revision<QueueDoc>;
  dropQueue?: Revision<QueueDoc>;
}

/** A removal that says where the document went, so every device re-points its rows the same way. */
export interface MergedAway {
  _id: string;
  _deleted: true;
  mergedInto: string;
}

/** The writes that make one paper of two: contents to store (no `_rev`) and documents to remove. */
export interface IdentityMerge {
  put: SyncDoc[];
  remove: MergedAway[];
}

/**
 * One paper of two ids: the arXiv-id paper gains the fields it lacked; the notes are folded keeping
 * both texts (foldNotes); earlier versions and the queue item move to the arXiv id; the title
 * paper and what hung on it are removed with `mergedInto` naming the arXiv id.
 */
export async function mergeSamePaper(docs: SamePaperDocs): Promise<IdentityMerge> {
  const into = docs.keep.paperId;
  const put: SyncDoc[] = [withoutRev(fillPaper(docs.keep, [docs.drop]))];
  const remove: MergedAway[] = [{ _id: docs.drop._id, _deleted: true, mergedInto: into }];
  const notes = [docs.keepNote, docs.dropNote].filter((n): n is Revision<NoteDoc> => n !== undefined);
  if (notes.length) {
    const folded = await foldNotes(notes, into);
    put.push(folded.current, ...folded.extra);
  }
  if (docs.dropNote) remove.push({ _id: docs.dropNote._id, _deleted: true, mergedInto: into });
  for (const version of docs.dropVersions) {
    const fields = { paperId: into, text: version.text, savedAt: version.savedAt };
    put.push(canonicalDoc({ ...withoutRev(version), ...fields, _id: await noteVersionDocId(fields) }));
    remove.push({ _id: version._id, _deleted: true, mergedInto: into });
  }
  if (docs.dropQueue) {
    const moved = { ...docs.dropQueue, _id: `queue:${into}`, paperId: into };
    put.push(docs.keepQueue ? foldQueue([docs.keepQueue, moved]) : withoutRev(moved));
    remove.push({ _id: docs.dropQueue._id, _deleted: true, mergedInto: into });
  }
  return { put: dedupeById(put), remove };
}

function dedupeById(docs: SyncDoc[]): SyncDoc[] {
  return [...new Map(docs.map((d) => [d._id, d])).values()];
}
