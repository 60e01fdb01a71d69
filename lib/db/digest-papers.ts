import type { Digest, DigestEntry, Paper } from './entities';
import type { DigestLensDB } from './schema';

/** A digest with its papers in page order, each with its entry (upvotes, publication day). */
export interface DigestWithPapers {
  digest: Digest;
  papers: Array<{ entry: DigestEntry; paper: Paper | undefined }>;
}

/** What the Library shows when a digest is opened; null when the digest is not stored. */
export async function digestWithPapers(db: DigestLensDB, digestId: string): Promise<DigestWithPapers | null> {
  return db.transaction('r', db.digests, db.listings, db.papers, async () => {
    const [digest, listing] = await Promise.all([db.digests.get(digestId), db.listings.get(digestId)]);
    if (!digest) return null;
    const entries = [...(listing?.entries ?? [])].sort((a, b) => a.position - b.position);
    const papers = await db.papers.bulkGet(entries.map((e) => e.paperId));
    return { digest, papers: entries.map((entry, i) => ({ entry, paper: papers[i] })) };
  });
}
