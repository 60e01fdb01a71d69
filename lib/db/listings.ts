import type { Digest, DigestEntry, Listing } from './entities';
import type { DigestLensDB } from './schema';

/**
 * Which digests list which papers: one `listings` row per digest holds its entries in page order
 * (schema.ts, v5). Everything else reads memberships through this file.
 */

/** A digest's listing row for its entries (in page order, one per paper). */
export function listingOf(digestId: string, entries: DigestEntry[]): Listing {
  return { digestId, entries, paperIds: [...new Set(entries.map((e) => e.paperId))] };
}

/** An entry as it stood alone before v5, and as a backup writes it: with its digest's id. */
export type EntryWithDigest = DigestEntry & { digestId: string };

/**
 * Listing rows from stand-alone entries (the v4 table, a backup's `entries`), each digest's in
 * page order. Every field of an entry but its digest's id is kept as it is.
 */
export function listingsFromEntryRows(rows: readonly EntryWithDigest[]): Listing[] {
  const byDigest = new Map<string, DigestEntry[]>();
  for (const { digestId, ...entry } of rows) {
    const entries = byDigest.get(digestId);
    if (entries) entries.push(entry);
    else byDigest.set(digestId, [entry]);
  }
  return [...byDigest].map(([digestId, entries]) =>
    listingOf(
      digestId,
      entries.sort((a, b) => a.position - b.position),
    ),
  );
}

/** A digest's entries, in page order (none for a digest that is not stored). */
export async function entriesOfDigest(db: DigestLensDB, digestId: string): Promise<DigestEntry[]> {
  return (await db.listings.get(digestId))?.entries ?? [];
}

/** The ids of those papers that some digest lists. */
export async function listedPaperIds(db: DigestLensDB, paperIds: string[]): Promise<Set<string>> {
  return new Set((await db.listings.where('paperIds').anyOf(paperIds).keys()) as string[]);
}

/** Every paper some digest lists (what the corpus indexes hold). */
export async function allListedPaperIds(db: DigestLensDB): Promise<Set<string>> {
  return new Set((await db.listings.orderBy('paperIds').uniqueKeys()) as string[]);
}

/** A paper's place in one digest: what badges, panels and exports show of it. */
export interface DigestMembership {
  digestId: string;
  /** The digest's date (ISO day). */
  date: string;
  upvotes: number;
}

/** For each paper, the digests it is in, newest first; papers in none are left out. */
export async function digestMemberships(db: DigestLensDB, paperIds: string[]): Promise<Map<string, DigestMembership[]>> {
  const result = new Map<string, DigestMembership[]>();
  if (paperIds.length === 0) return result;
  const wanted = new Set(paperIds);
  const listings = await db.listings.where('paperIds').anyOf(paperIds).distinct().toArray();
  const digests = await db.digests.bulkGet(listings.map((l) => l.digestId));
  listings.forEach((listing, i) => {
    const digest: Digest | undefined = digests[i];
    if (!digest) return;
    for (const entry of listing.entries) {
      if (!wanted.has(entry.paperId)) continue;
      const list = result.get(entry.paperId) ?? [];
      list.push({ digestId: digest.id, date: digest.date, upvotes: entry.upvotes });
      result.set(entry.paperId, list);
    }
  });
  // Digests of one date in id order, as when entries were read through their `[digestId+position]` key.
  const newestFirst = (a: DigestMembership, b: DigestMembership) =>
    b.date.localeCompare(a.date) || (a.digestId < b.digestId ? -1 : a.digestId > b.digestId ? 1 : 0);
  for (const list of result.values()) list.sort(newestFirst);
  return result;
}

/**
 * Adds stand-alone entries (a backup's) to their digests' listings, each unless its digest
 * already has an entry at that position; returns how many were added. Call inside a transaction
 * that includes `db.listings`.
 */
export async function addEntries(db: DigestLensDB, rows: readonly EntryWithDigest[]): Promise<number> {
  const incoming = listingsFromEntryRows(rows);
  const here = await db.listings.bulkGet(incoming.map((l) => l.digestId));
  let added = 0;
  const changed = incoming.flatMap((listing, i) => {
    const current = here[i];
    const taken = new Set(current?.entries.map((e) => e.position));
    const fresh = listing.entries.filter((e) => !taken.has(e.position));
    added += fresh.length;
    if (fresh.length === 0) return [];
    return [
      listingOf(
        listing.digestId,
        [...(current?.entries ?? []), ...fresh].sort((a, b) => a.position - b.position),
      ),
    ];
  });
  await db.listings.bulkPut(changed);
  return added;
}
