import type { DigestLensDB } from '../db';
import type { DigestMembership } from '../messaging/protocol/shared';

/** For each paper, the digests it is in, newest first (what badges and panels show). */
export async function digestMemberships(db: DigestLensDB, paperIds: string[]): Promise<Map<string, DigestMembership[]>> {
  const result = new Map<string, DigestMembership[]>();
  if (paperIds.length === 0) return result;
  const entries = await db.entries.where('paperId').anyOf(paperIds).toArray();
  const digestIds = [...new Set(entries.map((e) => e.digestId))];
  const digests = await db.digests.bulkGet(digestIds);
  const dates = new Map(digests.flatMap((d) => (d ? [[d.id, d.date] as const] : [])));
  for (const entry of entries) {
    const date = dates.get(entry.digestId);
    if (!date) continue;
    const list = result.get(entry.paperId) ?? [];
    list.push({ digestId: entry.digestId, date, upvotes: entry.upvotes });
    result.set(entry.paperId, list);
  }
  for (const list of result.values()) list.sort((a, b) => b.date.localeCompare(a.date));
  return result;
}
