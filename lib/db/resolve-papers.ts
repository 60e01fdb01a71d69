import Dexie from 'dexie';
import { type PaperIdentity, paperIdentity, sameByTitle } from '../identity/same-paper';
import type { SeenPaper } from '../identity/seen-paper';
import type { Paper } from './entities';
import { papersByAliasKey, papersByArxivId, papersByTitleKey, papersUnderTitleIds } from './find-papers';
import type { DigestLensDB } from './schema';

/**
 * The stored paper each seen paper is, or null, by the identity rule (lib/identity/same-paper.ts):
 * the paper with its arXiv id, else the paper with its title key unless their arXiv ids disagree.
 * Reads only. Two batched lookups whatever the number of papers (find-papers.ts), so a page of
 * 200 papers or a digest of thousands costs the same two queries.
 */
export async function resolvePapers(db: DigestLensDB, seen: Array<Pick<SeenPaper, 'title' | 'arxivId'>>): Promise<Array<Paper | null>> {
  return resolveIdentities(db, seen.map(paperIdentity));
}

/** resolvePapers for identities already worked out (import needs the title keys anyway). */
export async function resolveIdentities(db: DigestLensDB, identities: PaperIdentity[]): Promise<Array<Paper | null>> {
  const [byArxivId, byTitleKey] = await Promise.all([
    papersByArxivId(db, arxivIdsOf(identities)),
    papersByTitleKey(
      db,
      identities.map((i) => i.titleKey),
    ),
  ]);
  return identities.map((identity) => pick(identity, byArxivId, byTitleKey));
}

/** The identity rule applied to what was read: by arXiv id, else by title key unless the arXiv ids disagree. */
function pick({ arxivId, titleKey }: PaperIdentity, byArxivId: Map<string, Paper>, byTitleKey: Map<string, Paper>): Paper | null {
  const exact = arxivId ? byArxivId.get(arxivId) : undefined;
  if (exact) return exact;
  const byTitle = byTitleKey.get(titleKey);
  return byTitle && sameByTitle(byTitle, arxivId) ? byTitle : null;
}

function arxivIdsOf(identities: PaperIdentity[]): string[] {
  return identities.flatMap((i) => (i.arxivId ? [i.arxivId] : []));
}

/** A stored paper, and whether this call stored it. */
export interface ResolvedOrAdded {
  paper: Paper;
  added: boolean;
}

/**
 * resolveIdentities, then storing as new (`create`) each paper not found: what an import does,
 * with the same outcome and one read less per paper known only by its title. Call inside a
 * transaction that includes `db.papers`. Identities must be distinct (one per identityKey).
 *
 * Such a paper, when stored, is almost always under `title:<titleKey>`, which is also the id a
 * new one gets (paper-keys.ts). So it is not read first: it is added, and an add refused because
 * the id is taken tells that it was stored (it is then read). Reading first cost a third of a
 * plain write of the same papers (a primary-key read per paper, `npm run bench:import`). The
 * exception, a paper stored under its arXiv id with this title key (`aliasKey`), is still read first.
 */
export async function resolveOrAdd(
  db: DigestLensDB,
  identities: PaperIdentity[],
  create: (identity: PaperIdentity, index: number) => Paper,
): Promise<ResolvedOrAdded[]> {
  // Title keys read directly up front: those of papers with an arXiv id (the rule needs to know
  // whether a title-only paper is stored, which no add would tell).
  const readKeys = new Set(identities.flatMap((i) => (i.arxivId ? [i.titleKey] : [])));
  const [byArxivId, direct, aliased] = await Promise.all([
    papersByArxivId(db, arxivIdsOf(identities)),
    papersUnderTitleIds(db, [...readKeys]),
    papersByAliasKey(
      db,
      identities.map((i) => i.titleKey),
    ),
  ]);
  // Without an arXiv id, an alias hit settles that the paper is stored; it only remains to read
  // whether a paper under `title:<key>` wins over it.
  const aliasOnly = new Set(
    identities.flatMap((i) => (!i.arxivId && !readKeys.has(i.titleKey) && aliased.has(i.titleKey) ? [i.titleKey] : [])),
  );
  const byTitleKey = new Map(aliased);
  for (const [key, paper] of direct) byTitleKey.set(key, paper);

  // Settled now: every paper but those (found by alias, maybe under their title) and the misses.
  const results: Array<ResolvedOrAdded | null> = identities.map((identity) => {
    const paper = aliasOnly.has(identity.titleKey) ? null : pick(identity, byArxivId, byTitleKey);
    return paper ? { paper, added: false } : null;
  });
  const toAdd = identities.flatMap((identity, i) => (results[i] || aliasOnly.has(identity.titleKey) ? [] : [i]));
  const papers = toAdd.map((i) => create(identities[i] as PaperIdentity, i));
  const [refused, winners] = await Promise.all([addRefusingTakenIds(db, papers), papersUnderTitleIds(db, [...aliasOnly])]);

  for (const [key, paper] of winners) byTitleKey.set(key, paper);
  const taken = await papersUnderTitleIds(
    db,
    refused.map((position) => (identities[toAdd[position] as number] as PaperIdentity).titleKey),
  );
  for (const [key, paper] of taken) byTitleKey.set(key, paper);
  const refusedSet = new Set(refused);
  toAdd.forEach((i, position) => {
    if (!refusedSet.has(position)) results[i] = { paper: papers[position] as Paper, added: true };
  });
  return identities.map((identity, i) => {
    const settled = results[i] ?? { paper: pick(identity, byArxivId, byTitleKey), added: false };
    if (!settled.paper) throw new Error(`the paper ${identity.arxivId ?? identity.titleKey} was neither found nor stored`);
    return settled as ResolvedOrAdded;
  });
}

/**
 * Adds the papers; returns the positions of those whose id was taken (not added). Any other
 * failure is thrown, which aborts the caller's transaction. A refused add does not: Dexie keeps
 * the transaction going when the bulk error is caught.
 */
async function addRefusingTakenIds(db: DigestLensDB, papers: Paper[]): Promise<number[]> {
  if (papers.length === 0) return [];
  try {
    await db.papers.bulkAdd(papers);
    return [];
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const refused = Object.entries(error.failuresByPos);
    const taken = refused.every(([position, failure]) => failure.name === 'ConstraintError' && !papers[Number(position)]?.arxivId);
    if (!taken) throw error;
    return refused.map(([position]) => Number(position));
  }
}
