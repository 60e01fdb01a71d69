import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED } from '../../support/paths';

function detectCli(...args: string[]) {
  const result = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/detect.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const page = (file: string) => join(SHARED, 'fixtures/pages', file);
/** Each test starts tsx and jsdom in a child process: seconds, more on a busy machine. */
const CLI_TIMEOUT = 90_000;

describe('npm run detect', () => {
  it(
    'prints one JSON array of { title, arxivId, abstract } in page order for a saved page at its URL',
    () => {
      const { code, stdout, stderr } = detectCli(
        page('arxiv-listing/list-quant-ph-new-2017-10-legacy-browser-save.html'),
        'https://arxiv.org/list/quant-ph/new',
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const papers = JSON.parse(stdout) as Array<Record<string, unknown>>;
      expect(papers).toHaveLength(44);
      expect(Object.keys(papers[0] ?? {})).toEqual(['title', 'arxivId', 'abstract']);
      expect(papers[0]).toMatchObject({ title: 'Perfect polarization for arbitrary light beams', arxivId: '1710.06869' });
      expect(papers[43]).toEqual({
        title: 'Geometric Local Hidden State Model for Some Two-qubit States',
        arxivId: '1710.06704',
        abstract: null,
      });
    },
    CLI_TIMEOUT,
  );

  it(
    'exits 1 with the reason on stderr, and prints nothing, for an unsupported URL',
    () => {
      const { code, stdout, stderr } = detectCli(
        page('arxiv-abs/arxiv-abs-0704.0001-2018-assets-rewritten.html'),
        'https://arxiv.org/help',
      );
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^https:\/\/arxiv\.org\/help: not a supported page/);
    },
    CLI_TIMEOUT,
  );
});
