import type { Note, NoteVersion, Paper, QueueItem } from './entities';
import { addEntries } from './listings';
import { enqueueEverything, syncedDatabases } from './outbox';
import { fillMissingDetails } from './paper-fields';
import { withAliasKey } from './paper-keys';
import { type ProfileRows, SETTING_PREFIX } from './profile';
import { PaperMatcher } from './restore-paper-matcher';
import { bumpCorpusRevision } from './revision';
import type { DigestLensDB } from './schema';
import { recountPapers } from './stats';

/** What a restore changed. Everything not counted here was already in the profile. */
export interface RestoreSummary {
  papersAdded: number;
  /** Papers already here that gained a field they lacked (arXiv id, abstract, authors, …). */
  papersEnriched: number;
  digestsAdded: number;
  entriesAdded: number;
  /** Notes on papers that had none here. */
  notesAdded: number;
  /** Notes here with a different text: the newer text is current, the other kept as a version. */
  notesMerged: number;
  /** Earlier texts added, including the texts that `notesMerged` kept. */
  noteVersionsAdded: number;
  queueAdded: number;
  settingsAdded: number;
}

function emptySummary(): RestoreSummary {
  return {
    papersAdded: 0,
    papersEnriched: 0,
    digestsAdded: 0,
    entriesAdded: 0,
    notesAdded: 0,
    notesMerged: 0,
    noteVersionsAdded: 0,
    queueAdded: 0,
    settingsAdded: 0,
  };
}

/** Fills the fields `stored` lacks from `seen`, never replacing a value; returns whether it changed. */
function fillMissing(stored: Paper, seen: Paper, matcher: PaperMatcher): boolean {
  let changed = false;
  if (stored.arxivId === null && seen.arxivId !== null && !matcher.arxivIdTaken(seen.arxivId, stored.id)) {
    stored.arxivId = seen.arxivId;
    matcher.holds(stored);
    changed = true;
  }
  return fillMissingDetails(stored, seen) || changed;
}

function versionKey(v: Pick<NoteVersion, 'paperId' | 'savedAt' | 'text'>): string {
  return JSON.stringify([v.paperId, v.savedAt, v.text]);
}

function asVersion(note: Note): NoteVersion {
  return { paperId: note.paperId, text: note.text, savedAt: note.updatedAt, version: note.version };
}

/**
 * Merges a profile's rows (a backup's) into this one, in one transaction: all of it or, when
 * anything fails, nothing (the error is thrown on).
 *
 * Nothing here is overwritten without being kept. Papers, digests, entries, queue items and
 * settings that are missing are added; papers here only gain fields they lack. A note here with
 * a different text keeps both: the newer by `updatedAt` becomes the current text, the other an
 * earlier version. A backup's paper that is a paper here under another id (the arXiv id was
 * learned later on one side) is merged into it, and its entries, notes and queue item follow.
 * Merging the same rows again adds nothing.
 */
export async function mergeProfile(db: DigestLensDB, rows: ProfileRows): Promise<RestoreSummary> {
  const tables = [db.papers, db.digests, db.listings, db.notes, db.noteVersions, db.queue, db.meta, db.outbox];
  return db.transaction('rw', tables, async () => {
    const summary = await merge(db, rows);
    // A restore touches rows of every kind; while sync is connected the whole profile is queued
    // again, in this transaction. The mirror writes only documents whose content changed, so
    // what travels is what the restore changed (restores are rare; this spares tracking each row).
    const databases = await syncedDatabases(db);
    if (databases.length && Object.values(summary).some((n) => n > 0)) await enqueueEverything(db, databases);
    return summary;
  });
}

async function merge(db: DigestLensDB, backup: ProfileRows): Promise<RestoreSummary> {
  const summary = emptySummary();

  // Papers, and where each of the backup's paper ids points here.
  const matcher = new PaperMatcher(await db.papers.toArray());
  const target = new Map<string, string>();
  const addedPapers: Paper[] = [];
  const enriched = new Map<string, Paper>();
  for (const paper of backup.papers) {
    const here = matcher.match(paper);
    if (!here) {
      matcher.holds(paper);
      addedPapers.push(paper);
      continue;
    }
    target.set(paper.id, here.id);
    if (fillMissing(here, paper, matcher)) enriched.set(here.id, here);
  }
  const paperIdHere = (id: string) => target.get(id) ?? id;
  await db.papers.bulkAdd(addedPapers.map(withAliasKey));
  await db.papers.bulkPut([...enriched.values()].map(withAliasKey));
  await recountPapers(db);
  summary.papersAdded = addedPapers.length;
  summary.papersEnriched = enriched.size;

  // Digests and entries: a digest is its content, so one here already has its entries.
  const digestsHere = new Set(
    await db.digests
      .where('id')
      .anyOf(backup.digests.map((d) => d.id))
      .primaryKeys(),
  );
  const newDigests = backup.digests.filter((d) => !digestsHere.has(d.id));
  await db.digests.bulkAdd(newDigests);
  summary.digestsAdded = newDigests.length;
  summary.entriesAdded = await addEntries(
    db,
    backup.entries.map((e) => ({ ...e, paperId: paperIdHere(e.paperId) })),
  );

  // Earlier texts: each text once per paper and time.
  const versionsHere = new Set((await db.noteVersions.toArray()).map(versionKey));
  const newVersions: NoteVersion[] = [];
  /** Adds an earlier text unless it is already kept; returns whether it was added. */
  const keepVersion = (version: NoteVersion): boolean => {
    const key = versionKey(version);
    if (versionsHere.has(key)) return false;
    versionsHere.add(key);
    newVersions.push(version);
    return true;
  };

  // The backup's earlier texts, then the texts merging notes sets aside (newest ids last).
  for (const { id: _id, ...version } of backup.noteVersions) keepVersion({ ...version, paperId: paperIdHere(version.paperId) });

  // Notes.
  const notesHere = new Map((await db.notes.toArray()).map((n) => [n.paperId, n]));
  const changedNotes = new Map<string, Note>();
  for (const incoming of backup.notes) {
    const note: Note = { ...incoming, paperId: paperIdHere(incoming.paperId) };
    const current = notesHere.get(note.paperId);
    if (!current) {
      notesHere.set(note.paperId, note);
      changedNotes.set(note.paperId, note);
      summary.notesAdded++;
      continue;
    }
    if (current.text === note.text) continue;
    if (Date.parse(note.updatedAt) > Date.parse(current.updatedAt)) {
      summary.notesMerged++;
      // An emptied note has nothing to keep (lib/db/notes.ts keeps no empty texts either).
      if (current.text !== '') keepVersion({ ...asVersion(current), keptBecause: 'merged' });
      // Past every version either side has seen, so an editor open on the old text notices.
      const merged: Note = { ...note, version: Math.max(current.version, note.version) + 1 };
      notesHere.set(merged.paperId, merged);
      changedNotes.set(merged.paperId, merged);
    } else if (note.text !== '' && keepVersion({ ...asVersion(note), keptBecause: 'merged' })) {
      // The text here stays current; the backup's is now among its earlier texts (a second
      // restore of the same backup finds it there and counts nothing).
      summary.notesMerged++;
    }
  }
  await db.notes.bulkPut([...changedNotes.values()]);
  await db.noteVersions.bulkAdd(newVersions);
  summary.noteVersionsAdded = newVersions.length;

  // Queue: items here stay where they are; the backup's other items follow them in their order.
  const queueHere = await db.queue.toArray();
  const queued = new Set(queueHere.map((q) => q.paperId));
  const last = queueHere.reduce((max, q) => Math.max(max, q.order), Number.NEGATIVE_INFINITY);
  const newItems: QueueItem[] = [];
  for (const item of backup.queue) {
    const paperId = paperIdHere(item.paperId);
    if (queued.has(paperId)) continue;
    queued.add(paperId);
    newItems.push({ ...item, paperId });
  }
  // Into an empty queue the orders are kept as they were; otherwise renumbered after the last.
  const placed = queueHere.length === 0 ? newItems : newItems.map((item, i) => ({ ...item, order: last + i + 1 }));
  await db.queue.bulkAdd(placed);
  summary.queueAdded = placed.length;

  // Settings: a setting here wins.
  const settingKeys = Object.keys(backup.settings).map((name) => `${SETTING_PREFIX}${name}`);
  const settingsHere = new Set(await db.meta.where('key').anyOf(settingKeys).primaryKeys());
  const newSettings = Object.entries(backup.settings)
    .map(([name, value]) => ({ key: `${SETTING_PREFIX}${name}`, value }))
    .filter((row) => !settingsHere.has(row.key));
  await db.meta.bulkAdd(newSettings);
  summary.settingsAdded = newSettings.length;

  if (summary.digestsAdded || summary.entriesAdded || summary.papersEnriched) await bumpCorpusRevision(db);
  return summary;
}
