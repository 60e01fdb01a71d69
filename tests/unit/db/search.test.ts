import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DigestLensDB, searchPapers } from '@/lib/db';
import { importFileText } from '@/lib/import/import-file';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { makeTestDb } from '../../support/test-db';

let db: DigestLensDB;
beforeEach(async () => {
  db = makeTestDb();
  for (const name of Object.values(DIGEST_FILES)) await importFileText(db, name, readDigest(name), new Date('2026-11-22T12:00:00Z'));
});
afterEach(() => db.close());

describe('searching the corpus', () => {
  it('finds papers with every query word in the title or abstract, title matches first', async () => {
    const result = await searchPapers(db, 'entropy policy');
    expect(result.total).toBe(9);
    expect(result.papers.slice(0, 3).map((p) => p.title)).toEqual([
      'Arbitrary Entropy Policy Optimization: Entropy Is Controllable in Reinforcement Fine-tuning',
      'EPO: Entropy-regularized Policy Optimization for LLM Agents Reinforcement Learning',
      'ARES: Multimodal Adaptive Reasoning via Difficulty-Aware Token-Level Entropy Shaping',
    ]);
    for (const paper of result.papers) {
      const text = `${paper.title} ${paper.abstract}`.toLowerCase();
      expect(text).toContain('entrop');
      expect(text).toContain('polic');
    }
  });

  it('matches words regardless of accents and case', async () => {
    const plain = await searchPapers(db, 'schrodinger');
    expect(plain.total).toBe(1);
    expect(plain.papers.map((p) => p.title)).toContain(
      'simple-idealized-1d-nlse: Pseudo-Spectral Solver for the 1D Nonlinear Schrödinger Equation',
    );
    expect((await searchPapers(db, 'SCHRÖDINGER')).total).toBe(plain.total);
  });

  it('returns nothing for an empty query or a word no paper has', async () => {
    expect(await searchPapers(db, '  ')).toEqual({ papers: [], total: 0 });
    expect((await searchPapers(db, 'xylophonequark')).total).toBe(0);
  });

  it('caps the papers returned but counts every match', async () => {
    const result = await searchPapers(db, 'the', 5);
    expect(result.papers).toHaveLength(5);
    expect(result.total).toBe(117);
  });
});
