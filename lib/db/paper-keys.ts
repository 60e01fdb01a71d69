import type { PaperIdentity } from '../identity/same-paper';
import type { Paper } from './entities';

/** The primary key a paper known only by its title is stored under. */
export function titlePaperId(titleKey: string): string {
  return `title:${titleKey}`;
}

/** The primary key a new paper is stored under: `arxiv:<id>` when its arXiv id is known, else `title:<titleKey>`. */
export function newPaperId(identity: PaperIdentity): string {
  return identity.arxivId ? `arxiv:${identity.arxivId}` : titlePaperId(identity.titleKey);
}

/** Sets `aliasKey` exactly when the paper cannot be found by `title:<titleKey>` (see Paper.aliasKey). */
export function withAliasKey<T extends Paper>(paper: T): T {
  const { aliasKey: _previous, ...rest } = paper;
  return (paper.id === titlePaperId(paper.titleKey) ? rest : { ...rest, aliasKey: paper.titleKey }) as T;
}
