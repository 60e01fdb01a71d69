/**
 * The fuzzy title matcher over the 38,246 real arXiv papers of ../shared/datasets/arxiv-daily, with
 * the functions of scripts/measure-fuzzy.ts (which prints the same figures, over every paper).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { FuzzyTitleIndex } from '@/lib/identity/fuzzy';
import { titleWords } from '@/lib/identity/fuzzy/words';
import { titleKey } from '@/lib/identity/title-key';
import { type DatasetPaper, EDIT_KINDS, editRecall, leaveOneOut, readDataset, timeBatches } from '../../../scripts/measure-fuzzy';
import { SHARED } from '../../support/paths';

let papers: DatasetPaper[];
let index: FuzzyTitleIndex;

beforeAll(() => {
  papers = readDataset(join(SHARED, 'datasets/arxiv-daily'));
  index = FuzzyTitleIndex.build(papers);
});

describe('the fuzzy title matcher on 38,246 arXiv papers', () => {
  it('splits every title into words that join to its title key', () => {
    expect(papers.length).toBe(38246);
    const differ = papers.filter((p) => {
      const words = titleWords(p.title);
      return words.length ? words.join('') !== titleKey(p.title) : !titleKey(p.title).startsWith('~');
    });
    expect(differ).toEqual([]);
  });

  it('never matches a title to another paper (leave-one-out)', { timeout: 120_000 }, () => {
    const found = leaveOneOut(papers, index);
    // Every answer is another id, since the paper itself was out of the index. Only one work
    // submitted twice (the same abstract under two ids, once without its name) is matched.
    expect(found.filter((m) => !m.sameAbstract).map((m) => `${m.query.title} -> ${m.matched.title}`)).toEqual([]);
    expect(found.map((m) => [m.query.id, m.matched.id]).sort()).toEqual([
      ['2604.05547', '2605.20190'],
      ['2605.20190', '2604.05547'],
    ]);
    expect(index.size).toBe(38246);
  });

  it('matches small realistic edits back to their paper, and never to another', { timeout: 120_000 }, () => {
    const recall = editRecall(papers, index, { sample: 2000, seed: 1 });
    const figures = Object.fromEntries(recall.map((r) => [r.kind, [r.matched, r.edited]]));
    expect(recall.map((r) => r.kind)).toEqual([...EDIT_KINDS]);
    for (const r of recall) expect(r.wrong, r.examples.join('\n')).toBe(0);
    // [matched, edited] per kind (deterministic: seeded edits of 2,000 papers).
    expect(figures).toEqual(EXPECTED_RECALL);
  });

  it('round-trips the whole index through a snapshot', () => {
    const snapshot = structuredClone(index.toSnapshot());
    expect(snapshot.ids.length).toBe(38246);
    const loaded = FuzzyTitleIndex.fromSnapshot(snapshot);
    const again = loaded.toSnapshot();
    expect(again.ids).toEqual(snapshot.ids);
    expect(again.words).toEqual(snapshot.words);
    expect(again.keys).toEqual(snapshot.keys);
    expect(Buffer.from(again.titles.buffer).equals(Buffer.from(snapshot.titles.buffer))).toBe(true);
    for (const paper of papers.slice(0, 300)) {
      const edited = paper.title.replace(/s\b/, '');
      expect(loaded.match(edited)).toEqual(index.match(edited));
    }
  });

  it('matches 200 page titles against the whole corpus quickly', () => {
    const times = timeBatches(papers, index, 5).sort((a, b) => a - b);
    // Well under 50 ms on an idle machine (scripts/measure-fuzzy.ts reports it); generous here,
    // where other tests share the CPU: a scan of the whole corpus per title would take seconds.
    expect(times[2]).toBeLessThan(1000);
    const start = performance.now();
    FuzzyTitleIndex.fromSnapshot(index.toSnapshot());
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});

/** Measured with this matcher; a change to it that changes these figures must explain why. */
const EXPECTED_RECALL: Record<string, [number, number]> = {
  'change-word': [1403, 2000],
  'drop-word': [1759, 1999],
  'add-word': [1832, 2000],
  typo: [1886, 1993],
  'plural-singular': [1940, 2000],
  'hyphen-space': [1999, 1999],
  'british-american': [275, 277],
  'case-punctuation': [1813, 1813],
};
