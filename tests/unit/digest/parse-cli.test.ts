import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIGEST_FILES, digestPath, REPO_ROOT, SHARED } from '../../support/paths';

function parseCli(...files: string[]) {
  const result = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/parse.ts', ...files], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run parse', () => {
  it('prints one JSON array with each file’s date and papers in the documented shape', () => {
    const { code, stdout, stderr } = parseCli(digestPath(DIGEST_FILES.sep01), digestPath(DIGEST_FILES.nov19));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as Array<{ file: string; digestDate: string; papers: Array<Record<string, unknown>> }>;
    expect(output.map((f) => [f.file, f.papers.length])).toEqual([
      [digestPath(DIGEST_FILES.sep01), 29],
      [digestPath(DIGEST_FILES.nov19), 66],
    ]);
    expect(output[1]?.digestDate).toMatch(/^\d{4}-11-19$/);
    expect(output[1]?.papers[2]).toEqual({
      title: 'Entropy-Guided Attention for Private LLMs',
      abstract: expect.stringMatching(/^The pervasiveness of proprietary language models/),
      authors: 2,
      organization: null,
      published: 'Jan 6',
      upvotes: 8,
      arxivId: null,
    });
  });

  it('exits 1 with the message on stderr for a refused file, and still prints the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digestlens-cli-'));
    const bad = join(dir, 'page.html');
    writeFileSync(bad, '<!doctype html><p>hi</p>');
    const { code, stdout, stderr } = parseCli(bad, digestPath(DIGEST_FILES.sep01));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `${bad}:1: this is HTML or XML, not a digest: DigestLens reads saved Hugging Face papers pages and arXiv listings (/list/…/new, /recent, /pastweek), and Daily Papers saved as text`,
    );
    expect((JSON.parse(stdout) as unknown[]).length).toBe(1);
  });

  it('reads every feed format with the same output shape, arXiv ids included', () => {
    const feeds = join(SHARED, 'fixtures/feeds');
    const files = [
      join(feeds, 'hf-api-json/hf-api-papers-2608.09888-2026-09.json'),
      join(feeds, 'hf-search/hf-api-papers-search-diffusion-2026.json'),
      join(feeds, 'arxiv-api-xml/api-query-cat-cs.RO-neural-2025-10-17-oldformat.xml'),
      join(feeds, 'arxiv-email/math.AG-daily-subjclass-2023-06-09.txt'),
    ];
    const { code, stdout, stderr } = parseCli(...files);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as Array<{ format: string; digestDate: string; papers: Array<Record<string, unknown>> }>;
    expect(output.map((f) => [f.format, f.digestDate, f.papers.length, f.papers[0]?.arxivId])).toEqual([
      ['hf-paper-json', '2026-08-11', 1, '2608.09888'],
      ['hf-search-json', '2022-02-01', 3, '2006.11239'],
      ['arxiv-atom', '2025-10-17', 2, '2510.14968'],
      ['arxiv-mailing', '2023-06-09', 2, '2306.77777'],
    ]);
    expect(Object.keys(output[2]?.papers[0] ?? {})).toEqual([
      'title',
      'abstract',
      'authors',
      'organization',
      'published',
      'upvotes',
      'arxivId',
      'authorNames',
    ]);
    expect(output[2]?.papers[0]?.published).toBe('2025-10-16T17:59:37Z');
  });
});
