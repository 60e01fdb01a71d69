import type { Paper } from './entities';

/** The primary key a paper known only by its title is stored under. */
export function titlePaperId(titleKey: string): string {
  return `title:${titleKey}`;
}

/** Sets `aliasKey` exactly when the paper cannot be found by `title:<titleKey>` (see Paper.aliasKey). */
export function withAliasKey<T extends Paper>(paper: T): T {
  const { aliasKey: _previous, ...rest } = paper;
  return (paper.id === titlePaperId(paper.titleKey) ? rest : { ...rest, aliasKey: paper.titleKey }) as T;
}
