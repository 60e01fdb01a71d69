import { corpusRevision, type DigestLensDB } from '../db';
import { FuzzyTitleIndex, type FuzzyTitleSnapshot } from '../identity/fuzzy-title';
import { RelatedIndex, type RelatedSnapshot } from '../related';

const SNAPSHOT_KEY = 'corpusIndexes';

/** What is persisted in `meta`: both indexes, the ids they hold, and the revision they reflect. */
interface IndexesSnapshot {
  revision: number;
  ids: string[];
  related: RelatedSnapshot;
  fuzzy: FuzzyTitleSnapshot;
}

/**
 * The in-memory indexes over the papers that are in digests: related-papers ranking and fuzzy
 * title matching (both needed on the first page a woken worker answers, so both are persisted). Kept in step with the database by the corpus revision (lib/db/revision.ts):
 * when it moved, only the difference is applied (papers added or gone), and the result is
 * persisted so that a woken service worker loads it instead of reading every paper.
 */
export class CorpusIndexes {
  private revision = -1;
  private ids = new Set<string>();
  private related = RelatedIndex.build([]);
  private fuzzy = FuzzyTitleIndex.build([]);
  private refreshing: Promise<void> | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private loadedSnapshot = false;

  constructor(
    private readonly db: DigestLensDB,
    /** How long to wait after a change before writing the snapshot (imports come in bursts). */
    private readonly persistDelayMs = 1500,
  ) {}

  /** Brings the indexes up to the database's revision; concurrent callers share one refresh. */
  async fresh(): Promise<{ related: RelatedIndex; fuzzy: FuzzyTitleIndex }> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
    return { related: this.related, fuzzy: this.fuzzy };
  }

  private async refresh(): Promise<void> {
    if (!this.loadedSnapshot) {
      this.loadedSnapshot = true;
      await this.loadSnapshot();
    }
    const revision = await corpusRevision(this.db);
    if (revision === this.revision) return;

    const wanted = new Set((await this.db.entries.orderBy('paperId').uniqueKeys()) as string[]);
    const gone = [...this.ids].filter((id) => !wanted.has(id));
    const added = [...wanted].filter((id) => !this.ids.has(id));
    if (gone.length) {
      this.related.remove(gone);
      this.fuzzy.remove(gone);
    }
    if (added.length) {
      const papers = (await this.db.papers.bulkGet(added)).flatMap((p) => (p ? [p] : []));
      this.related.add(papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract })));
      this.fuzzy.add(papers.map((p) => ({ id: p.id, title: p.title })));
    }
    this.ids = wanted;
    this.revision = revision;
    if (gone.length || added.length) this.schedulePersist();
  }

  private async loadSnapshot(): Promise<void> {
    const row = await this.db.meta.get(SNAPSHOT_KEY);
    const snapshot = row?.value as IndexesSnapshot | undefined;
    if (!snapshot || typeof snapshot.revision !== 'number') return;
    try {
      const related = RelatedIndex.fromSnapshot(snapshot.related);
      const fuzzy = FuzzyTitleIndex.fromSnapshot(snapshot.fuzzy);
      this.related = related;
      this.fuzzy = fuzzy;
      this.ids = new Set(snapshot.ids);
      this.revision = snapshot.revision;
    } catch (error) {
      // A snapshot from an older format: rebuild from the papers instead.
      console.warn('DigestLens: ignoring an unreadable index snapshot', error);
    }
  }

  private schedulePersist(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void this.persist();
    }, this.persistDelayMs);
  }

  /** Writes the snapshot now (tests, and before the worker may be stopped). */
  async persist(): Promise<void> {
    const snapshot: IndexesSnapshot = {
      revision: this.revision,
      ids: [...this.ids],
      related: this.related.toSnapshot(),
      fuzzy: this.fuzzy.toSnapshot(),
    };
    await this.db.meta.put({ key: SNAPSHOT_KEY, value: snapshot });
  }
}
