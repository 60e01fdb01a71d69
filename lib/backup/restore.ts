import { bumpCorpusRevision, type DigestLensDB, type Note, type NoteVersion, type Paper, type QueueItem } from '../db';
import { addEntries } from '../db/listings';
import { fillMissingDetails } from '../db/paper-fields';
import { withAliasKey } from '../db/paper-keys';
import { recountPapers } from '../db/stats';
import { SETTING_PREFIX } from './export';
import { type BackupDocument, BackupError, type BackupPaper, validateBackup } from './schema';

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

/** True when nothing was added or changed. */
export function restoredNothing(summary: RestoreSummary): boolean {
  return Object.values(summary).every((n) => n === 0);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The summary in words for the user, leaving out what is zero. */
export function describeRestore(s: RestoreSummary): string {
  if (restoredNothing(s)) return 'Restored: nothing new, everything in this backup is already here.';
  const parts = [
    s.papersAdded && `${count(s.papersAdded, 'paper')} added`,
    s.papersEnriched && `${count(s.papersEnriched, 'paper')} completed`,
    s.digestsAdded && count(s.digestsAdded, 'digest'),
    s.entriesAdded && count(s.entriesAdded, 'digest entry', 'digest entries'),
    s.notesAdded && `${count(s.notesAdded, 'note')} added`,
    s.notesMerged && `${count(s.notesMerged, 'note')} merged (both texts kept)`,
    s.noteVersionsAdded && count(s.noteVersionsAdded, 'earlier note text'),
    s.queueAdded && count(s.queueAdded, 'queue item'),
    s.settingsAdded && count(s.settingsAdded, 'setting'),
  ].filter(Boolean);
  return `Restored: ${parts.join(', ')}.`;
}

/**
 * The paper here that a backup's paper is, by the identity rule (architecture.md): same id, else
 * same arXiv id, else same title key where the arXiv ids do not disagree. Only papers that were
 * here before the restore are candidates: the backup's own papers are restored as they are.
 */
class PaperMatcher {
  private readonly byId: Map<string, Paper>;
  private readonly byArxivId = new Map<string, Paper>();
  private readonly byTitleKey = new Map<string, Paper[]>();
  /** Every arXiv id held by a paper here or being restored, with the paper that holds it. */
  private readonly arxivIdHolders = new Map<string, string>();

  constructor(existing: Paper[]) {
    this.byId = new Map(existing.map((p) => [p.id, p]));
    for (const paper of existing) {
      if (paper.arxivId && !this.byArxivId.has(paper.arxivId)) {
        this.byArxivId.set(paper.arxivId, paper);
        this.arxivIdHolders.set(paper.arxivId, paper.id);
      }
      const sameTitle = this.byTitleKey.get(paper.titleKey);
      if (sameTitle) sameTitle.push(paper);
      else this.byTitleKey.set(paper.titleKey, [paper]);
    }
  }

  match(paper: BackupPaper): Paper | undefined {
    const byId = this.byId.get(paper.id);
    if (byId) return byId;
    const byArxivId = paper.arxivId ? this.byArxivId.get(paper.arxivId) : undefined;
    if (byArxivId) return byArxivId;
    const candidates = this.byTitleKey.get(paper.titleKey) ?? [];
    return (
      candidates.find((p) => paper.arxivId !== null && p.arxivId === paper.arxivId) ??
      candidates.find((p) => p.arxivId === null || paper.arxivId === null)
    );
  }

  /** Records that `paper` (here or being restored) holds its arXiv id. */
  holds(paper: Pick<Paper, 'id' | 'arxivId'>): void {
    if (paper.arxivId && !this.arxivIdHolders.has(paper.arxivId)) this.arxivIdHolders.set(paper.arxivId, paper.id);
  }

  /** Whether a paper other than `id` already holds this arXiv id (an arXiv id names one paper). */
  arxivIdTaken(arxivId: string, id: string): boolean {
    const holder = this.arxivIdHolders.get(arxivId);
    return holder !== undefined && holder !== id;
  }
}

/** Fills the fields `stored` lacks from `seen`, never replacing a value; returns whether it changed. */
function fillMissing(stored: Paper, seen: BackupPaper, matcher: PaperMatcher): boolean {
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
 * Restores a backup into this profile, empty or not, in one transaction: all of it or, when
 * anything fails, nothing. Validates first (see validateBackup for the messages).
 *
 * Nothing here is overwritten without being kept. Papers, digests, entries, queue items and
 * settings that are missing are added; papers here only gain fields they lack. A note here with
 * a different text keeps both: the newer by `updatedAt` becomes the current text, the other an
 * earlier version. A backup's paper that is a paper here under another id (the arXiv id was
 * learned later on one side) is merged into it, and its entries, notes and queue item follow.
 * Restoring the same backup again adds nothing.
 */
export async function restoreBackup(db: DigestLensDB, doc: unknown): Promise<RestoreSummary> {
  const backup = validateBackup(doc);
  const tables = [db.papers, db.digests, db.listings, db.notes, db.noteVersions, db.queue, db.meta];
  try {
    return await db.transaction('rw', tables, () => merge(db, backup));
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new BackupError(`the restore failed and nothing was changed (${reason})`, { cause: error });
  }
}

async function merge(db: DigestLensDB, backup: BackupDocument): Promise<RestoreSummary> {
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
      if (current.text !== '') keepVersion(asVersion(current));
      // Past every version either side has seen, so an editor open on the old text notices.
      const merged: Note = { ...note, version: Math.max(current.version, note.version) + 1 };
      notesHere.set(merged.paperId, merged);
      changedNotes.set(merged.paperId, merged);
    } else if (note.text !== '' && keepVersion(asVersion(note))) {
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
