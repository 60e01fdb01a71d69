import type { ParsedDigest, ParsedPaper } from '../digest';
import { identityKey, type PaperIdentity, paperIdentity } from '../identity/same-paper';
import type { DatabaseRole } from '../sync/documents';
import type { DigestRow } from '../sync/local-rows';
import { digestDoc, paperDoc } from '../sync/mapping';
import type { Digest, DigestEntry, Paper } from './entities';
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
 * What the digests stored in one transaction share, so that each costs as few waits on the
 * database as it can (each wait is a round trip during which the database has nothing to do):
 * which of them are stored already is read once, up front; the paper count and corpus revision
 * are written once, at the end; a digest's own rows are written without waiting, as the next
 * digest does not read them.
 */
interface ImportBatch {
  /** The digests stored before this transaction or by it, by content id. */
  stored: Map<string, Pick<Digest, 'date' | 'paperCount'>>;
  /** The remote databases sync is connected to (none while sync is off: then no outbox rows). */
  synced: DatabaseRole[];
  addedPapers: number;
  importedDigests: number;
  /** Writes issued and not yet awaited. */
  writes: Array<Promise<unknown>>;
}

/** Call inside an import transaction: reads what every digest of the batch needs to know first. */
async function openBatch(db: DigestLensDB, contentIds: string[]): Promise<ImportBatch> {
  const [rows, synced] = await Promise.all([db.digests.bulkGet(contentIds), syncedDatabases(db)]);
  const stored = new Map<string, Pick<Digest, 'date' | 'paperCount'>>();
  for (const row of rows) if (row) stored.set(row.id, row);
  return { stored, synced, addedPapers: 0, importedDigests: 0, writes: [] };
}

/** Writes what the batch's digests changed in the counters, and waits for every write. */
async function closeBatch(db: DigestLensDB, batch: ImportBatch): Promise<void> {
  await Promise.all([
    ...batch.writes,
    adjustPaperCount(db, batch.addedPapers),
    batch.importedDigests > 0 ? bumpCorpusRevision(db, batch.importedDigests) : undefined,
  ]);
}

/**
 * Stores one parsed digest in a single transaction: all of it or, on any failure, none of it.
 * Idempotent: a digest already stored (same content id) changes nothing. A paper already in the
 * corpus (same arXiv id, else same title key) is stored once and gains one entry per digest.
 */
export async function importDigest(db: DigestLensDB, digest: ParsedDigest, contentId: string, now = new Date()): Promise<ImportResult> {
  const [result] = await importDigests(db, [{ digest, contentId }], now);
  return result as ImportResult;
}

/** importDigest's work inside a batch's transaction. */
async function storeDigest(
  db: DigestLensDB,
  batch: ImportBatch,
  digest: ParsedDigest,
  contentId: string,
  now: Date,
): Promise<ImportResult> {
  const existing = batch.stored.get(contentId);
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

  // The same paper listed twice in one digest is one membership, at its first position.
  const seen = new Map<string, { paper: ParsedPaper; identity: PaperIdentity; position: number }>();
  digest.papers.forEach((paper, position) => {
    const identity = paperIdentity(paper);
    const key = identityKey(identity);
    if (!seen.has(key)) seen.set(key, { paper, identity, position });
  });
  const items = [...seen.values()];

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
  batch.stored.set(contentId, row);
  batch.addedPapers += added;
  batch.importedDigests++;
  // The listing and digest rows are not read again in this transaction: their writes are left
  // to run behind the next digest's. Enriched papers and outbox rows may be read by the next
  // digest, so those writes are waited for (the outbox only while sync is connected).
  for (const write of [db.listings.add(listingOf(contentId, entries)), db.digests.add(row)]) {
    // Its failure is thrown where the batch waits for it (closeBatch), not reported as unhandled
    // if another failure ends the transaction first.
    write.catch(() => undefined);
    batch.writes.push(write);
  }
  await Promise.all([
    changed.size ? db.papers.bulkPut([...changed.values()]) : undefined,
    batch.synced.length ? recordImport(db, batch.synced, { ...row, entries }, listed, [...changed.values()]) : undefined,
  ]);
  return {
    digestId: contentId,
    status: 'imported',
    date: digest.digestDate.iso,
    newPapers: added,
    knownPapers: items.length - added,
    entries: entries.length,
  };
}

/** One file's (or captured page's) digests, each with its content id. */
export type FileDigests = Array<{ digest: ParsedDigest; contentId: string }>;

/** Every table an import writes or reads. */
function importTables(db: DigestLensDB) {
  return [db.papers, db.digests, db.listings, db.meta, db.outbox, db.notes, db.queue];
}

/**
 * Stores the digests of one file (a feed featured on several days) or one captured page in a single
 * transaction: all of them or, on any failure, none. Each is idempotent as `importDigest` is.
 */
export async function importDigests(db: DigestLensDB, digests: FileDigests, now = new Date()): Promise<ImportResult[]> {
  const [results] = await importFilesTogether(db, [{ digests, now }]);
  return results as ImportResult[];
}

/**
 * Stores several files, in order, in ONE transaction: each file sees what the files before it
 * stored, exactly as if each had its own transaction, so the results are the same. One commit for
 * many files instead of one each is what makes a large import fast (`npm run bench:import`). The
 * price is that any failure aborts all of them: the caller (lib/import/store-files.ts) then stores
 * each file on its own, so that every file is still all or nothing and its outcome its own.
 */
export async function importFilesTogether(
  db: DigestLensDB,
  files: ReadonlyArray<{ digests: FileDigests; now: Date }>,
): Promise<ImportResult[][]> {
  return db.transaction('rw', importTables(db), async () => {
    const batch = await openBatch(
      db,
      files.flatMap((f) => f.digests.map((d) => d.contentId)),
    );
    const results: ImportResult[][] = [];
    for (const file of files) {
      const fileResults: ImportResult[] = [];
      for (const { digest, contentId } of file.digests) fileResults.push(await storeDigest(db, batch, digest, contentId, file.now));
      results.push(fileResults);
    }
    await closeBatch(db, batch);
    return results;
  });
}

/**
 * The import's outbox rows, only while sync is connected (checked first: building 38k documents
 * for nothing would cost the import its speed): the digest with its entries embedded and its
 * papers, for the lab database, in one write; papers the import enriched that a note or the
 * queue refers to, for the private database.
 */
async function recordImport(
  db: DigestLensDB,
  databases: DatabaseRole[],
  digest: DigestRow,
  listed: Paper[],
  enriched: Paper[],
): Promise<void> {
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
