// About 430 lines on purpose: every merge rule below reads and writes one transaction's shared maps
// (papers re-pointed, notes merged, outbox rows); split, that state would be passed between files.
import { identityKey, type PaperIdentity, sameByTitle } from '../identity/same-paper';
import { noteDocId, paperDocId, queueDocId, settingDocId } from '../sync/documents';
import type { DigestRow, NoteRow, NoteVersionRow, PaperRow, QueueItemRow, SettingRow } from '../sync/local-rows';
import type { IncomingBatch, IncomingChange, IncomingRemoval } from '../sync/local-side';
import { noteDoc, paperDoc, queueDoc } from '../sync/mapping';
import type { Note, NoteVersion, NoteVersionKey, Paper } from './entities';
import { papersByArxivId, papersByTitleKey } from './find-papers';
import { listedPaperIds, listingOf } from './listings';
import { META_KEYS, SETTING_PREFIX } from './meta-keys';
import { type OutboxChange, recordChanges } from './outbox';
import { fillMissingDetails } from './paper-fields';
import { withAliasKey } from './paper-keys';
import { bumpCorpusRevision } from './revision';
import type { DigestLensDB } from './schema';
import { adjustPaperCount } from './stats';

/**
 * Applies a batch of remote changes (lib/sync) with the merge rules restore has
 * (merge-profile.ts), in ONE transaction with the batch's checkpoint:
 * - a paper is matched by the identity rule (lib/identity/same-paper.ts) and only fills the
 *   fields the paper here lacks; rows that name it by another id are re-pointed to the id here;
 * - a note whose text differs from a local edit still in the outbox (or that arrives under the
 *   other id of a paper here) keeps both texts: the newer current, the other an earlier text
 *   marked `fromAnotherDevice`; the merged result gets outbox rows, so it flows back out;
 * - earlier texts are one per (paper, time, text), their `fromAnotherDevice` flags OR-ed;
 * - an edit beats a deletion: a removal never takes a local change still waiting in the outbox;
 * - a paper merged into another (`mergedInto`) takes its digest entries, notes, earlier texts
 *   and queue item there; a paper removed otherwise stays while a digest, a note or the queue
 *   needs it.
 * Returns the local ids of papers whose note gained a text from another device.
 */
export async function applyIncoming(
  db: DigestLensDB,
  batch: IncomingBatch,
  versionsByDocId: ReadonlyMap<string, NoteVersionKey>,
): Promise<string[]> {
  return db.transaction('rw', db.tables, async () => {
    const applier = new Applier(db, versionsByDocId);
    await applier.resolvePapers(batch.changes);
    for (const change of batch.changes) await applier.apply(change);
    for (const id of batch.notesWithTextFromAnotherDevice) applier.notices.add((await applier.localIds([id])).get(id) ?? id);
    await applier.finish();
    const key = batch.database === 'private' ? META_KEYS.syncCheckpointPrivate : META_KEYS.syncCheckpointLab;
    await db.meta.put({ key, value: batch.checkpoint });
    return [...applier.notices];
  });
}

/** The paper id inside a version document id: `version:<paperId>:<sha256>`. */
export function paperIdOfVersionDocId(docId: string): string {
  return docId.slice('version:'.length, docId.lastIndexOf(':'));
}

/** What a paper id says of the paper's identity (`arxiv:<id>` or `title:<titleKey>`). */
function identityOfId(id: string): PaperIdentity | null {
  if (id.startsWith('arxiv:')) return { arxivId: id.slice('arxiv:'.length), titleKey: '' };
  if (id.startsWith('title:')) return { arxivId: null, titleKey: id.slice('title:'.length) };
  return null;
}

function isNewer(a: { updatedAt: string; text: string }, b: { updatedAt: string; text: string }): boolean {
  return a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.text > b.text);
}

class Applier {
  readonly notices = new Set<string>();
  private readonly outbox: OutboxChange[] = [];
  private paperDelta = 0;
  private corpusChanged = false;
  /** Incoming paper id → the id of the same paper here, when they differ. */
  private readonly alias = new Map<string, string>();
  /** Papers matched or added by this batch, by identity key, so two ids of one paper in one batch meet. */
  private readonly byIdentity = new Map<string, Paper>();
  private resolved = new Map<string, Paper | null>();

  constructor(
    private readonly db: DigestLensDB,
    private readonly versionsByDocId: ReadonlyMap<string, NoteVersionKey>,
  ) {}

  /** Finds, in three batched lookups, the paper here that each incoming paper is. */
  async resolvePapers(changes: readonly IncomingChange[]): Promise<void> {
    const papers = changes.flatMap((c) => (c.kind === 'paper' ? [c.row] : []));
    if (!papers.length) return;
    const here = await this.db.papers.bulkGet(papers.map((p) => p.id));
    const [byArxivId, byTitleKey] = await Promise.all([
      papersByArxivId(
        this.db,
        papers.flatMap((p) => (p.arxivId ? [p.arxivId] : [])),
      ),
      papersByTitleKey(
        this.db,
        papers.map((p) => p.titleKey),
      ),
    ]);
    papers.forEach((paper, i) => {
      const exact = here[i] ?? (paper.arxivId ? byArxivId.get(paper.arxivId) : undefined);
      const byTitle = byTitleKey.get(paper.titleKey);
      this.resolved.set(paper.id, exact ?? (byTitle && sameByTitle(byTitle, paper.arxivId) ? byTitle : null));
    });
  }

  /** The id here of each paper id: itself when stored, else the stored paper its id names by identity. */
  async localIds(ids: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const unique = [...new Set(ids)];
    const stored = await this.db.papers.bulkGet(unique.map((id) => this.alias.get(id) ?? id));
    const missing: string[] = [];
    unique.forEach((id, i) => {
      const local = this.alias.get(id) ?? id;
      if (stored[i]) result.set(id, local);
      else missing.push(id);
    });
    if (missing.length) {
      const identities = missing.map(identityOfId);
      const [byArxivId, byTitleKey] = await Promise.all([
        papersByArxivId(
          this.db,
          identities.flatMap((i) => (i?.arxivId ? [i.arxivId] : [])),
        ),
        papersByTitleKey(
          this.db,
          identities.flatMap((i) => (i && !i.arxivId ? [i.titleKey] : [])),
        ),
      ]);
      missing.forEach((id, i) => {
        const identity = identities[i];
        const found = identity ? (identity.arxivId ? byArxivId.get(identity.arxivId) : byTitleKey.get(identity.titleKey)) : undefined;
        result.set(id, found?.id ?? id);
      });
    }
    return result;
  }

  private async localId(id: string): Promise<string> {
    return (await this.localIds([id])).get(id) ?? id;
  }

  private async pending(docId: string): Promise<boolean> {
    return (await this.db.outbox.where('docId').equals(docId).count()) > 0;
  }

  async apply(change: IncomingChange): Promise<void> {
    switch (change.kind) {
      case 'paper':
        return this.paper(change.row);
      case 'note':
        return this.note(change.row);
      case 'noteVersion':
        return this.version(change.row);
      case 'queue':
        return this.queue(change.row);
      case 'setting':
        return this.setting(change.row);
      case 'digest':
        return this.digest(change.row);
      case 'removed':
        return this.removed(change);
    }
  }

  async finish(): Promise<void> {
    await adjustPaperCount(this.db, this.paperDelta);
    if (this.corpusChanged) await bumpCorpusRevision(this.db);
    await recordChanges(this.db, this.outbox);
  }

  private async paper(incoming: PaperRow): Promise<void> {
    const key = identityKey({ arxivId: incoming.arxivId, titleKey: incoming.titleKey });
    const matched = this.resolved.get(incoming.id) ?? this.byIdentity.get(key) ?? null;
    const here = matched ? await this.db.papers.get(matched.id) : undefined;
    if (!here) {
      const { aliasKey: _aliasKey, ...row } = incoming;
      const added = withAliasKey(row as Paper);
      await this.db.papers.put(added);
      this.paperDelta++;
      this.byIdentity.set(key, added);
      return;
    }
    if (here.id !== incoming.id) this.alias.set(incoming.id, here.id);
    this.byIdentity.set(key, here);
    let changed = false;
    if (here.arxivId === null && incoming.arxivId !== null) {
      const holder = await this.db.papers.where('arxivId').equals(incoming.arxivId).first();
      if (!holder) {
        here.arxivId = incoming.arxivId;
        changed = true;
      }
    }
    if (fillMissingDetails(here, incoming) || changed) {
      await this.db.papers.put(withAliasKey(here));
      this.corpusChanged = true;
    }
  }

  /** Keeps an earlier text once per (paper, time, text), OR-ing its flags; returns whether it changed anything. */
  private async keepVersion(version: NoteVersion): Promise<boolean> {
    const same = await this.db.noteVersions
      .where('paperId')
      .equals(version.paperId)
      .filter((v) => v.savedAt === version.savedAt && v.text === version.text)
      .first();
    if (!same) {
      await this.db.noteVersions.add({ ...version });
      return true;
    }
    const flags = {
      ...(version.fromAnotherDevice && !same.fromAnotherDevice ? { fromAnotherDevice: true } : {}),
      ...(version.keptBecause && !same.keptBecause ? { keptBecause: version.keptBecause } : {}),
    };
    if (same.id === undefined || Object.keys(flags).length === 0) return false;
    await this.db.noteVersions.update(same.id, flags);
    return true;
  }

  /**
   * Two texts of one note: the newer stays current (past both versions, so an open editor notices),
   * the other is kept as a text from another device. With `record`, the result gets outbox rows.
   */
  private async keepBoth(here: Note, other: Note, record: boolean): Promise<void> {
    const [newer, older] = isNewer(here, other) ? [here, other] : [other, here];
    const merged: Note = { ...newer, paperId: here.paperId, version: Math.max(here.version, other.version) + 1 };
    await this.db.notes.put(merged);
    const changes: OutboxChange[] = [{ database: 'private', doc: noteDoc(merged) }];
    if (older.text !== '') {
      const kept: NoteVersion = {
        paperId: here.paperId,
        text: older.text,
        savedAt: older.updatedAt,
        version: older.version,
        fromAnotherDevice: true,
      };
      await this.keepVersion(kept);
      changes.push({ database: 'private', version: kept });
      this.notices.add(here.paperId);
    }
    if (record) this.outbox.push(...changes);
  }

  private async note(incoming: NoteRow): Promise<void> {
    const paperId = await this.localId(incoming.paperId);
    const note: Note = { ...incoming, paperId };
    const here = await this.db.notes.get(paperId);
    if (!here || here.text === note.text) {
      if (!here || paperId === incoming.paperId) await this.db.notes.put(note);
      return;
    }
    const pending = await this.pending(noteDocId(paperId));
    if (!pending && paperId === incoming.paperId) {
      await this.db.notes.put(note);
      return;
    }
    await this.keepBoth(here, note, pending);
  }

  private async version(incoming: NoteVersionRow): Promise<void> {
    await this.keepVersion({ ...incoming, paperId: await this.localId(incoming.paperId) });
  }

  private async queue(incoming: QueueItemRow): Promise<void> {
    const paperId = await this.localId(incoming.paperId);
    // A local change waiting in the outbox goes out next and wins; under another id, the item here stays.
    if (await this.pending(queueDocId(paperId))) return;
    if (paperId !== incoming.paperId && (await this.db.queue.get(paperId))) return;
    await this.db.queue.put({ ...incoming, paperId });
  }

  private async setting(incoming: SettingRow): Promise<void> {
    if (await this.pending(settingDocId(incoming.key))) return;
    await this.db.meta.put({ key: `${SETTING_PREFIX}${incoming.key}`, value: incoming.value });
  }

  private async digest(incoming: DigestRow): Promise<void> {
    // A digest's id is its content's hash: one stored here is this digest already.
    if (await this.db.digests.get(incoming.id)) return;
    const { entries, ...digest } = incoming;
    const ids = await this.localIds(entries.map((e) => e.paperId));
    const seen = new Set<string>();
    const here = entries
      .map((e) => ({ ...e, paperId: ids.get(e.paperId) ?? e.paperId }))
      .sort((a, b) => a.position - b.position)
      .filter((e) => !seen.has(e.paperId) && seen.add(e.paperId));
    await this.db.digests.put(digest);
    await this.db.listings.put(listingOf(digest.id, here));
    this.corpusChanged = true;
  }

  private async removed(removal: IncomingRemoval): Promise<void> {
    const { docKind, key, mergedInto } = removal;
    if (mergedInto) {
      const from = docKind === 'noteVersion' ? paperIdOfVersionDocId(key) : key;
      // The id it went to, or the paper here that id names; never `from` itself (which may hold the arXiv id by now).
      const here = await this.localId(mergedInto);
      const into = here === from ? mergedInto : here;
      if (from !== into) await this.repoint(from, into, docKind);
      return;
    }
    switch (docKind) {
      case 'paper':
        return this.removePaperIfUnused(key);
      case 'note':
        if (!(await this.pending(noteDocId(key)))) await this.db.notes.delete(key);
        return;
      case 'noteVersion': {
        const version = this.versionsByDocId.get(key);
        if (!version) return;
        const ids = await this.db.noteVersions
          .where('paperId')
          .equals(version.paperId)
          .filter((v) => v.savedAt === version.savedAt && v.text === version.text)
          .primaryKeys();
        await this.db.noteVersions.bulkDelete(ids);
        return;
      }
      case 'queue':
        if (!(await this.pending(queueDocId(key)))) await this.db.queue.delete(key);
        return;
      case 'setting':
        if (!(await this.pending(settingDocId(key)))) await this.db.meta.delete(`${SETTING_PREFIX}${key}`);
        return;
      case 'digest': {
        const listing = await this.db.listings.get(key);
        await this.db.listings.delete(key);
        await this.db.digests.delete(key);
        this.corpusChanged = true;
        for (const paperId of listing?.paperIds ?? []) await this.removePaperIfUnused(paperId);
        return;
      }
    }
  }

  /** Removes a paper unless a digest lists it, a note or the queue needs it, or a local change to it waits. */
  private async removePaperIfUnused(id: string): Promise<void> {
    if (!(await this.db.papers.get(id))) return;
    const [note, queued, listed, pending] = await Promise.all([
      this.db.notes.get(id),
      this.db.queue.get(id),
      listedPaperIds(this.db, [id]),
      this.pending(paperDocId(id)),
    ]);
    if (note || queued || listed.size || pending) return;
    await this.db.papers.delete(id);
    this.paperDelta--;
  }

  /**
   * One paper known by two ids: what hangs on `from` moves to `into` (the paper itself, its digest
   * entries, note, earlier texts, queue item). Local changes to `from` still in the outbox are
   * rewritten for `into`, so they never bring `from` back on the server.
   */
  private async repoint(from: string, into: string, docKind: string): Promise<void> {
    for (const [incoming, here] of this.alias) if (here === from) this.alias.set(incoming, into);
    this.alias.set(from, into);
    const waiting = await this.db.outbox
      .where('docId')
      .anyOf([paperDocId(from), noteDocId(from), queueDocId(from)])
      .toArray();
    const waitingIds = new Set(waiting.map((w) => w.docId));
    await this.db.outbox.bulkDelete(waiting.flatMap((w) => (w.seq === undefined ? [] : [w.seq])));
    await this.db.outbox
      .filter((e) => e.version?.paperId === from || e.versionRemoved?.paperId === from)
      .modify((e) => {
        if (e.version) e.version.paperId = into;
        if (e.versionRemoved) e.versionRemoved.paperId = into;
      });

    if (docKind === 'paper') await this.movePaper(from, into, waitingIds.has(paperDocId(from)));
    if (docKind === 'paper' || docKind === 'note') await this.moveNote(from, into, waitingIds.has(noteDocId(from)));
    if (docKind === 'paper' || docKind === 'noteVersion') {
      for (const version of await this.db.noteVersions.where('paperId').equals(from).toArray()) {
        if (version.id !== undefined) await this.db.noteVersions.delete(version.id);
        const { id: _id, ...row } = version;
        await this.keepVersion({ ...row, paperId: into });
      }
    }
    if (docKind === 'paper' || docKind === 'queue') {
      const item = await this.db.queue.get(from);
      if (item) {
        await this.db.queue.delete(from);
        const there = await this.db.queue.get(into);
        const moved = there ?? { ...item, paperId: into };
        if (!there) await this.db.queue.put(moved);
        if (waitingIds.has(queueDocId(from))) this.outbox.push({ database: 'private', doc: queueDoc(moved) });
      }
    }
  }

  private async movePaper(from: string, into: string, record: boolean): Promise<void> {
    const dropped = await this.db.papers.get(from);
    for (const listing of await this.db.listings.where('paperIds').equals(from).toArray()) {
      const seen = new Set<string>();
      const entries = listing.entries
        .map((e) => (e.paperId === from ? { ...e, paperId: into } : e))
        .filter((e) => !seen.has(e.paperId) && seen.add(e.paperId));
      await this.db.listings.put(listingOf(listing.digestId, entries));
      this.corpusChanged = true;
    }
    if (!dropped) return;
    await this.db.papers.delete(from);
    const kept = await this.db.papers.get(into);
    const arxivId = into.startsWith('arxiv:') ? into.slice('arxiv:'.length) : dropped.arxivId;
    const paper: Paper = kept ?? { ...dropped, id: into, arxivId };
    if (kept) {
      if (kept.arxivId === null && dropped.arxivId !== null && dropped.arxivId !== arxivId) kept.arxivId = dropped.arxivId;
      fillMissingDetails(kept, dropped);
      if (dropped.addedAt < kept.addedAt) kept.addedAt = dropped.addedAt;
      this.paperDelta--;
    }
    await this.db.papers.put(withAliasKey(paper));
    if (record) this.outbox.push({ database: 'private', doc: paperDoc(paper) });
  }

  private async moveNote(from: string, into: string, record: boolean): Promise<void> {
    const note = await this.db.notes.get(from);
    if (!note) return;
    await this.db.notes.delete(from);
    const there = await this.db.notes.get(into);
    const moved: Note = { ...note, paperId: into };
    if (!there) {
      await this.db.notes.put(moved);
      if (record) this.outbox.push({ database: 'private', doc: noteDoc(moved) });
    } else if (there.text !== note.text) {
      await this.keepBoth(there, moved, record);
    }
  }
}
