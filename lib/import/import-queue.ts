import type { DigestLensDB } from '../db';
import type { FileOutcome } from '../messaging/protocol/page-to-background';
import type { PreparedFile } from './import-file';
import { type ParsedFile, papersIn, storeFiles } from './store-files';

/**
 * The most papers one transaction stores, over the files it groups (one larger file is stored
 * alone). Groups end there so that the popup's progress moves, and so that a group that fails
 * and is stored again file by file (store-files.ts) is not the whole import.
 */
export const MAX_PAPERS_PER_TRANSACTION = 5000;
/**
 * A group smaller than this waits for the files still being parsed behind it: each transaction's
 * commit costs about as much as storing a hundred papers, so a large import is stored in fewer,
 * larger groups. Files that are not on their way yet are never waited for.
 */
export const MIN_PAPERS_PER_TRANSACTION = 2000;

interface Waiting {
  /** Set once the file is parsed and hashed. */
  prepared: PreparedFile | null;
  settle(outcome: FileOutcome): void;
}

/**
 * The background worker's import queue: files are stored in the order they were added, whatever
 * order their parsing finishes in, each seeing what the files before it stored. While one group of
 * files is being stored, the files that arrive wait, and are then stored together, in one
 * transaction (storeFiles): the slower the disk, the larger the groups. A refused file is answered
 * as soon as it is parsed; it never reaches the database.
 */
export class ImportQueue {
  private readonly waiting: Waiting[] = [];
  private storing = false;

  constructor(private readonly db: DigestLensDB) {}

  /** Resolves with the file's outcome once it is stored (or refused). */
  add(prepared: Promise<PreparedFile>): Promise<FileOutcome> {
    return new Promise((resolve) => {
      const slot: Waiting = { prepared: null, settle: resolve };
      this.waiting.push(slot);
      void prepared.then((file) => {
        slot.prepared = file;
        if (!file.ok) {
          this.waiting.splice(this.waiting.indexOf(slot), 1);
          resolve(file.outcome);
        }
        void this.storeNext();
      });
    });
  }

  /** Stores the ready files at the head of the queue, then the next ones, until none is ready. */
  private async storeNext(): Promise<void> {
    if (this.storing) return;
    this.storing = true;
    try {
      for (let group = this.readyGroup(); group.length > 0; group = this.readyGroup()) {
        const outcomes = await storeFiles(
          this.db,
          group.map((slot) => slot.prepared as ParsedFile),
        );
        for (const [i, slot] of group.entries()) slot.settle(outcomes[i] as FileOutcome);
      }
    } finally {
      this.storing = false;
    }
  }

  /**
   * Takes the parsed files at the head of the queue, up to MAX_PAPERS_PER_TRANSACTION papers (at
   * least one file); none yet while they are fewer than MIN_PAPERS_PER_TRANSACTION papers and the
   * file after them is still being parsed (its parsing ends by calling storeNext again).
   */
  private readyGroup(): Waiting[] {
    const group: Waiting[] = [];
    let papers = 0;
    let full = false;
    for (const slot of this.waiting) {
      if (!slot.prepared?.ok) break;
      const more = papersIn(slot.prepared);
      if (group.length > 0 && papers + more > MAX_PAPERS_PER_TRANSACTION) {
        full = true;
        break;
      }
      group.push(slot);
      papers += more;
    }
    const parsingBehind = !full && this.waiting.length > group.length;
    if (parsingBehind && papers < MIN_PAPERS_PER_TRANSACTION) return [];
    this.waiting.splice(0, group.length);
    return group;
  }
}
