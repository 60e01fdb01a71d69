import {
  allListedPaperIds,
  corpusRevision,
  type DigestLensDB,
  type MetaRow,
  papersById,
  readPersistedIndex,
  writePersistedIndexes,
} from '../db';
import { META_KEYS } from '../db/meta-keys';
import { FuzzyTitleIndex, type FuzzyTitleSnapshot } from '../identity/fuzzy';
import { RelatedIndex, type RelatedSnapshot } from '../related';

/** `meta` rows of the persisted indexes: apart, so that a woken worker loads only what it needs. */
const RELATED_KEY = META_KEYS.relatedIndex;
const FUZZY_KEY = META_KEYS.fuzzyTitleIndex;

/**
 * The related index as persisted, with the corpus revision it reflects. The papers it holds are
 * its snapshot's `ids` (rows written before v5 also carry them apart, as `ids`: not read).
 */
interface RelatedRow {
  revision: number;
  related: RelatedSnapshot;
}

/**
 * A woken worker loads the fuzzy index unasked, so that a listing page finds it ready. Decoding
 * it takes about 0.4 s of the worker's only thread (38k titles): started as soon as the related
 * index was loaded, it landed in the middle of the first answer and held it up (the cold start
 * of `npm run bench:pages`, 1,089 ms). So it waits for that answer (see prefetchFuzzy), or for
 * this long when no answer asks for it.
 */
const FUZZY_PREFETCH_DELAY_MS = 1000;

/** The fuzzy index as persisted, at the same revision as the related row it was written with. */
interface FuzzyRow {
  revision: number;
  fuzzy: FuzzyTitleSnapshot;
}

/**
 * The in-memory indexes over the papers that are in digests: related-papers ranking and fuzzy
 * title matching. Kept in step with the database by the corpus revision (lib/db/revision.ts):
 * when it moved, only the difference is applied (papers added or gone), and both are persisted,
 * so that a woken service worker loads them instead of reading every paper. The fuzzy index is
 * loaded only when first needed (a title that matched nothing exactly): most first questions
 * of a woken worker (a related panel, a page of known papers) do not need it.
 */
export class CorpusIndexes {
  private revision = -1;
  private ids = new Set<string>();
  private related = RelatedIndex.build([]);
  /** Null until loaded (or built); then kept at `revision` with the related index. */
  private fuzzyIndex: FuzzyTitleIndex | null = null;
  private fuzzyLoading: Promise<FuzzyTitleIndex> | null = null;
  private refreshing: Promise<void> | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private loadedSnapshot = false;
  private fuzzyPrefetch: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: DigestLensDB,
    /** How long to wait after a change before writing the snapshot (imports come in bursts). */
    private readonly persistDelayMs = 1500,
  ) {}

  /** Brings the indexes up to the database's revision; concurrent callers share one refresh. */
  async fresh(): Promise<{ related: RelatedIndex; fuzzy: () => Promise<FuzzyTitleIndex> }> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
    return { related: this.related, fuzzy: () => this.fuzzy() };
  }

  private async refresh(): Promise<void> {
    if (!this.loadedSnapshot) {
      this.loadedSnapshot = true;
      await this.loadRelated();
      this.prefetchFuzzy(FUZZY_PREFETCH_DELAY_MS);
    }
    const revision = await corpusRevision(this.db);
    if (revision === this.revision) return;

    const wanted = await allListedPaperIds(this.db);
    const gone = [...this.ids].filter((id) => !wanted.has(id));
    const added = [...wanted].filter((id) => !this.ids.has(id));
    // A persisted fuzzy index is brought along now, or it could never catch up with this change.
    const fuzzy = gone.length || added.length ? await this.fuzzy() : this.fuzzyIndex;
    if (gone.length) {
      this.related.remove(gone);
      fuzzy?.remove(gone);
    }
    if (added.length) {
      const papers = (await papersById(this.db, added)).flatMap((p) => (p ? [p] : []));
      this.related.add(papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract })));
      fuzzy?.add(papers.map((p) => ({ id: p.id, title: p.title })));
    }
    this.ids = wanted;
    this.revision = revision;
    if (gone.length || added.length) this.schedulePersist();
  }

  /**
   * Loads the fuzzy index on a later task unless it is loaded or loading. An answer computed from
   * the indexes calls this before it returns: the load then starts once the answer is sent.
   */
  prefetchFuzzy(delayMs = 0): void {
    if (this.fuzzyIndex || this.fuzzyLoading) return;
    if (this.fuzzyPrefetch) clearTimeout(this.fuzzyPrefetch);
    this.fuzzyPrefetch = setTimeout(() => {
      this.fuzzyPrefetch = null;
      void this.fuzzy().catch((error) => console.warn('DigestLens: fuzzy index', error));
    }, delayMs);
  }

  /** The fuzzy index at the related index's revision: loaded from its row, else built from the papers. */
  private fuzzy(): Promise<FuzzyTitleIndex> {
    if (this.fuzzyIndex) return Promise.resolve(this.fuzzyIndex);
    this.fuzzyLoading ??= (async () => {
      const row = (await readPersistedIndex(this.db, FUZZY_KEY)) as FuzzyRow | undefined;
      let index: FuzzyTitleIndex | null = null;
      if (row && row.revision === this.revision) {
        try {
          index = FuzzyTitleIndex.fromSnapshot(row.fuzzy);
        } catch (error) {
          console.warn('DigestLens: rebuilding an unreadable fuzzy index', error);
        }
      }
      if (!index) {
        const papers = await papersById(this.db, [...this.ids]);
        index = FuzzyTitleIndex.build(papers.flatMap((p) => (p ? [{ id: p.id, title: p.title }] : [])));
      }
      this.fuzzyIndex = index;
      return index;
    })().finally(() => {
      this.fuzzyLoading = null;
    });
    return this.fuzzyLoading;
  }

  private async loadRelated(): Promise<void> {
    const row = (await readPersistedIndex(this.db, RELATED_KEY)) as RelatedRow | undefined;
    if (!row || typeof row.revision !== 'number') return;
    try {
      this.related = RelatedIndex.fromSnapshot(row.related);
      this.ids = new Set(row.related.ids);
      this.revision = row.revision;
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

  /** Writes both indexes now (tests, and before the worker may be stopped). */
  async persist(): Promise<void> {
    const related: RelatedRow = { revision: this.revision, related: this.related.toSnapshot() };
    const rows: MetaRow[] = [{ key: RELATED_KEY, value: related }];
    if (this.fuzzyIndex)
      rows.push({ key: FUZZY_KEY, value: { revision: this.revision, fuzzy: this.fuzzyIndex.toSnapshot() } satisfies FuzzyRow });
    await writePersistedIndexes(this.db, rows);
  }
}
