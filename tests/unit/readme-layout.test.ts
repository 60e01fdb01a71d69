import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';

/** The paths named in the first column of the README's layout table (`| \`lib/db/\` | … |`). */
function layoutRows(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| path'));
  return [...table.matchAll(/^\|\s*([^|]+?)\s*\|/gm)].flatMap((m) => [...(m[1] ?? '').matchAll(/`([^`]+)`/g)].map((p) => p[1] ?? ''));
}

function folders(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir)).filter((name) => statSync(join(REPO_ROOT, dir, name)).isDirectory());
}

describe("the README's layout table", () => {
  const rows = layoutRows();

  it('has a row for every lib/ folder', () => {
    const missing = folders('lib').filter((name) => !rows.includes(`lib/${name}/`));
    expect(missing).toEqual([]);
  });

  it('has a row for every entrypoint', () => {
    const entries = readdirSync(join(REPO_ROOT, 'entrypoints')).map((name) => name.replace(/\.tsx?$/, ''));
    const missing = entries.filter((name) => !rows.some((row) => row === `entrypoints/${name}/` || row === `entrypoints/${name}.ts`));
    expect(missing).toEqual([]);
  });

  it('has a row for every components/ folder', () => {
    const missing = folders('components').filter((name) => !rows.includes(`components/${name}/`));
    expect(missing).toEqual([]);
  });

  it('names only paths that exist', () => {
    const absent = rows.filter((row) => !existsSync(join(REPO_ROOT, row.replace(/\/$/, '').replace(/\*.*$/, ''))));
    expect(absent).toEqual([]);
  });
});
