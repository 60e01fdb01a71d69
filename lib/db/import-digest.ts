import type { ParsedDigest, ParsedPaper } from '../digest';
import { identityKey, type PaperIdentity, paperIdentity } from '../identity/same-paper';
import type { DigestRow } from '../sync/local-rows';
import { digestDoc, paperDoc } from '../sync/mapping';
import type { DigestEntry, Paper } from './entities';
import { listingOf } from './listings';
import { type OutboxChange, recordChanges, syncedDatabases } from './outbox';
import { fillMissingDetails } from './paper-fields';
import { newPaperId, withAliasKey } from './paper-keys';
import { type ResolvedOrAdded, resolveOrAdd } from './resolve-papers';
import { bumpCorpusRevision } from './revision';
import type { DigestLensDB } from './schema';
import { adjustPaperCount } from './stats';

export interface ImportResult {
  digestId: string;
  status: 'imported' | 'already-imported';
  date: string;
  /** Papers stored for the first time by this import. */
  newPapers: number;
  /** Papers of this digest that were already in the corpus. */
  knownPapers: number;
  /** Entries (paper memberships) this import added. */
  entries: number;
}

/** Fills what the stored paper lacks from what this digest says; returns whether it changed. */
function enrich(stored: Paper, seen: ParsedPaper, identity: PaperIdentity): boolean {
  let changed = false;
  if (!stored.arxivId && identity.arxivId) {
    stored.arxivId = identity.arxivId;
    changed = true;
  }
  return fillMissingDetails(stored, seen) || changed;
}

/** A paper this digest shows for the first time, as it is stored. */
function newPaper(identity: PaperIdentity, paper: ParsedPaper, addedAt: string): Paper {
  return withAliasKey({
    id: newPaperId(identity),
    title: paper.title,
    titleKey: identity.titleKey,
    arxivId: identity.arxivId,
    abstract: paper.abstract,
    authors: paper.authors,
    ...(paper.authorNames?.length ? { authorNames: paper.authorNames } : {}),
    organization: paper.organization,
    addedAt,
  });
}

/**
 * Stores one parsed digest in a single transaction: all of it or, on any failure, none of it.
 * Idempotent: a digest already stored (same content id) changes nothing. A paper already in the
 * corpus (same arXiv id, else same title key) is stored once and gains one entry per digest.
 */
export async function importDigest(db: DigestLensDB, digest: ParsedDigest, contentId: string, now = new Date()): Promise<ImportResult> {
  // The same paper listed twice in one digest is one membership, at its first position.
  const seen = new Map<string, { paper: ParsedPaper; identity: PaperIdentity; position: number }>();
  digest.papers.forEach((paper, position) => {
    const identity = paperIdentity(paper);
    const key = identityKey(identity);
    if (!seen.has(key)) seen.set(key, { paper, identity, position });
  });
  const items = [...seen.values()];

  return db.transaction('rw', [db.papers, db.digests, db.listings, db.meta, db.outbox, db.notes, db.queue], async () => {
    const existing = await db.digests.get(contentId);
    if (existing) {
      return {
        digestId: contentId,
        status: 'already-imported',
        date: existing.date,
        newPapers: 0,
        knownPapers: existing.paperCount,
        entries: 0,
      };
    }

    const addedAt = now.toISOString();
    const stored = await resolveOrAdd(
      db,
      items.map((i) => i.identity),
      (identity, i) => newPaper(identity, (items[i] as (typeof items)[number]).paper, addedAt),
    );
    let added = 0;
    /** Every paper of this digest, as stored after the import (what the lab database needs beside it). */
    const listed: Paper[] = [];
    const changed = new Map<string, Paper>();
    const entries: DigestEntry[] = [];
    for (const [i, { paper, identity, position }] of items.entries()) {
      const { paper: known, added: isNew } = stored[i] as ResolvedOrAdded;
      if (isNew) added++;
      else if (enrich(known, paper, identity)) changed.set(known.id, known);
      listed.push(known);
      entries.push({
        paperId: known.id,
        position,
        upvotes: paper.upvotes,
        publishedRaw: paper.published?.raw ?? null,
        published: paper.published?.iso ?? null,
      });
    }

    const row = {
      id: contentId,
      fileName: digest.fileName,
      format: digest.format,
      dateRaw: digest.digestDate.raw,
      date: digest.digestDate.iso,
      paperCount: items.length,
      importedAt: addedAt,
    };
    // The remaining writes are issued together, not one after another: IndexedDB carries out a
    // transaction's requests in the order they were made, and each wait for an answer is a round
    // trip to the browser's storage process.
    await Promise.all([
      adjustPaperCount(db, added),
      changed.size ? db.papers.bulkPut([...changed.values()]) : undefined,
      db.listings.add(listingOf(contentId, entries)),
      db.digests.add(row),
      bumpCorpusRevision(db),
      recordImport(db, { ...row, entries }, listed, [...changed.values()]),
    ]);
    return {
      digestId: contentId,
      status: 'imported',
      date: digest.digestDate.iso,
      newPapers: added,
      knownPapers: items.length - added,
      entries: entries.length,
    };
  });
}

/**
 * Stores the digests of one file (a feed featured on several days) or one captured page in a single
 * transaction: all of them or, on any failure, none. Each is idempotent as `importDigest` is (Dexie
 * runs each one's transaction inside this one).
 */
export async function importDigests(
  db: DigestLensDB,
  digests: Array<{ digest: ParsedDigest; contentId: string }>,
  now = new Date(),
): Promise<ImportResult[]> {
  return db.transaction('rw', [db.papers, db.digests, db.listings, db.meta, db.outbox, db.notes, db.queue], async () => {
    const results: ImportResult[] = [];
    for (const { digest, contentId } of digests) results.push(await importDigest(db, digest, contentId, now));
    return results;
  });
}

/**
 * The import's outbox rows, only while sync is connected (checked first: building 38k documents
 * for nothing would cost the import its speed): the digest with its entries embedded and its
 * papers, for the lab database, in one write; papers the import enriched that a note or the
 * queue refers to, for the private database.
 */
async function recordImport(db: DigestLensDB, digest: DigestRow, listed: Paper[], enriched: Paper[]): Promise<void> {
  const databases = await syncedDatabases(db);
  const changes: OutboxChange[] = [];
  if (databases.includes('lab')) {
    changes.push({ database: 'lab', doc: digestDoc(digest) });
    for (const paper of listed) changes.push({ database: 'lab', doc: paperDoc(paper) });
  }
  if (databases.includes('private') && enriched.length) {
    const ids = enriched.map((p) => p.id);
    const [notes, queued] = await Promise.all([db.notes.bulkGet(ids), db.queue.bulkGet(ids)]);
    enriched.forEach((paper, i) => {
      if (notes[i] || queued[i]) changes.push({ database: 'private', doc: paperDoc(paper) });
    });
  }
  await recordChanges(db, changes);
}
