import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleKey } from '@/lib/identity/title-key';
import { SHARED } from '../../support/paths';

describe('the title key', () => {
  it('makes $\\sigma$Reparam, σReparam and SigmaReparam equal', () => {
    const keys = ['$\\sigma$Reparam', 'σReparam', 'SigmaReparam', '$\\Sigma$-Reparam', 'ΣReparam'].map(titleKey);
    expect(new Set(keys)).toEqual(new Set(['sigmareparam']));
  });

  it('strips accents and LaTeX accent commands alike', () => {
    expect(titleKey('Schrödinger Bridges à la carte')).toBe('schrodingerbridgesalacarte');
    expect(titleKey('Schr\\"odinger Bridges \\`a la carte')).toBe('schrodingerbridgesalacarte');
  });

  it('drops LaTeX formatting wrappers and keeps their content', () => {
    expect(titleKey('$\\mathcal{O}(n \\log n)$ Attention with \\textbf{Bold} Claims')).toBe(
      titleKey('O(n log n) Attention with Bold Claims'),
    );
    expect(titleKey('{\\em Emphasis} on $\\varepsilon$-Greedy')).toBe(titleKey('Emphasis on ε-greedy'));
  });

  it('ignores case, punctuation and spacing', () => {
    expect(titleKey('DisCO: Reinforcing  Large Reasoning Models')).toBe(titleKey('disco -- reinforcing large reasoning models'));
  });

  it('keeps letters of other scripts, and never gives an empty key', () => {
    expect(titleKey('深度学习 Survey')).toBe('深度学习survey');
    expect(titleKey('???')).toBe('~???');
    expect(titleKey('')).toBe('~');
  });

  it('gives no two different titles of the 38,246-paper arXiv dataset the same key', () => {
    const dir = join(SHARED, 'datasets/arxiv-daily');
    const titles = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        if (line.trim()) titles.add((JSON.parse(line) as { title: string }).title);
      }
    }
    expect(titles.size).toBe(38246);
    const byKey = new Map<string, string>();
    const collisions: string[] = [];
    for (const title of titles) {
      const key = titleKey(title);
      const other = byKey.get(key);
      if (other !== undefined) collisions.push(`${other} | ${title}`);
      byKey.set(key, title);
    }
    expect(collisions).toEqual([]);
  });
});
