import { describe, expect, it } from 'vitest';
import { parseDigestText } from '@/lib/digest';
import { type RelatedDoc, type RelatedHit, RelatedIndex, type RelatedSnapshot } from '@/lib/related';
import { textTerms } from '@/lib/related/lexicon';
import { DIGEST_FILES, readDigest } from '../../support/paths';

/** The papers of the three real digests, with ids like "hf-daily-papers-sep-01.txt#3" (some papers are in two digests). */
const DOCS: RelatedDoc[] = Object.values(DIGEST_FILES).flatMap((file) =>
  parseDigestText(file, readDigest(file), new Date('2025-12-01')).papers.map((paper, i) => ({
    id: `${file}#${i}`,
    title: paper.title,
    abstract: paper.abstract,
  })),
);
const doc = (id: string): RelatedDoc => DOCS.find((d) => d.id === id) as RelatedDoc;
const titleOf = (hit: RelatedHit): string => doc(hit.id).title;

const SEP = DIGEST_FILES.sep01;
const JUN = DIGEST_FILES.jun05;
const NOV = DIGEST_FILES.nov19;

/** Some queries in every part of the sample, and their hits, to compare two indexes by. */
function answers(index: RelatedIndex): RelatedHit[][] {
  return DOCS.filter((_, i) => i % 7 === 0).map((d) => index.query(d, { k: 10, excludeIds: [d.id] }));
}

describe('related papers over the three real digests', () => {
  const index = RelatedIndex.build(DOCS);

  it('indexes the 129 papers of the digests', () => {
    expect(DOCS).toHaveLength(129);
    expect(index.size).toBe(129);
  });

  it('ranks the attention-entropy and training-instability papers nearest to "Stabilizing Transformer Training"', () => {
    const query = doc(`${SEP}#1`);
    expect(query.title).toBe('Stabilizing Transformer Training by Preventing Attention Entropy Collapse');
    const hits = index.query(query, { k: 4, excludeIds: [query.id] });
    expect(hits.map(titleOf)).toEqual([
      'Entropy-Guided Attention for Private LLMs',
      'Entropy-Guided Attention for Private LLMs',
      'Small-scale proxies for large-scale Transformer training instabilities',
      'Small-scale proxies for large-scale Transformer training instabilities',
    ]);
    expect(hits[0]?.terms).toEqual(['attention', 'entropy', 'layers', 'collapse', 'training']);
  });

  it('puts a GRPO paper first for DisCO, explained by "GRPO"', () => {
    const query = doc(`${SEP}#0`);
    const [first] = index.query(query, { k: 3, excludeIds: [query.id] });
    expect(first && titleOf(first)).toMatch(/^Arbitrary Entropy Policy Optimization/);
    expect(first?.terms[0]).toBe('GRPO');
  });

  it('finds the same paper in another digest first, at strength 1, unless excluded', () => {
    const query = doc(`${SEP}#3`);
    const hits = index.query(query, { k: 3 });
    expect(hits.map((h) => h.id)).toEqual([`${JUN}#12`, `${SEP}#3`, `${JUN}#7`]);
    expect(hits[0]?.strength).toBe(1);
    expect(hits[1]?.strength).toBe(1);
    expect(hits[2]?.strength).toBeLessThan(0.5);

    const excluded = index.query(query, { k: 3, excludeIds: [query.id, `${JUN}#12`] });
    expect(excluded.map((h) => h.id)).toEqual([`${JUN}#7`, `${SEP}#1`, `${NOV}#3`]);
  });

  it('gives every hit a strength in 0..1 and at most five terms, each in both the query and the hit', () => {
    for (const query of DOCS.slice(0, 40)) {
      const queryTerms = new Set(textTerms(`${query.title} ${query.abstract}`));
      const hits = index.query(query, { k: 10, excludeIds: [query.id] });
      expect(hits).toHaveLength(10);
      for (const hit of hits) {
        expect(hit.strength).toBeGreaterThan(0);
        expect(hit.strength).toBeLessThanOrEqual(1);
        expect(hit.terms.length).toBeGreaterThan(0);
        expect(hit.terms.length).toBeLessThanOrEqual(5);
        const hitTerms = new Set(textTerms(`${titleOf(hit)} ${doc(hit.id).abstract}`));
        for (const term of hit.terms) {
          const [stemmed] = textTerms(term);
          expect(stemmed !== undefined && queryTerms.has(stemmed) && hitTerms.has(stemmed), `${term} in ${query.id} and ${hit.id}`).toBe(
            true,
          );
        }
      }
      for (let i = 1; i < hits.length; i++) expect((hits[i - 1] as RelatedHit).score).toBeGreaterThanOrEqual((hits[i] as RelatedHit).score);
    }
  });

  it('answers a title-only query, and nothing for a query of stop words, an empty index or k = 0', () => {
    const hits = index.query({ title: 'Reinforcement learning for reasoning language models', abstract: null }, { k: 5 });
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => h.terms.length > 0)).toBe(true);
    expect(index.query({ title: 'We propose a novel approach', abstract: 'The results of this paper.' }, { k: 5 })).toEqual([]);
    expect(RelatedIndex.build([]).query(doc(`${SEP}#1`), { k: 5 })).toEqual([]);
    expect(index.query(doc(`${SEP}#1`), { k: 0 })).toEqual([]);
  });
});

describe('changing the index in place', () => {
  const firstHalf = DOCS.slice(0, 60);
  const secondHalf = DOCS.slice(60);

  it('answers after adding in batches exactly as a build of everything at once', () => {
    const incremental = RelatedIndex.build(firstHalf);
    incremental.add(secondHalf.slice(0, 30));
    incremental.add(secondHalf.slice(30));
    expect(incremental.size).toBe(129);
    expect(answers(incremental)).toEqual(answers(RelatedIndex.build(DOCS)));
  });

  it('answers after removing exactly as a build without the removed papers', () => {
    const removed = DOCS.filter((_, i) => i % 3 === 1).map((d) => d.id);
    const index = RelatedIndex.build(DOCS);
    index.remove([...removed, 'not-indexed']);
    const kept = DOCS.filter((d) => !removed.includes(d.id));
    expect(index.size).toBe(kept.length);
    const fresh = RelatedIndex.build(kept);
    const queries = kept.filter((_, i) => i % 5 === 0);
    for (const q of queries) expect(index.query(q, { k: 10, excludeIds: [q.id] })).toEqual(fresh.query(q, { k: 10, excludeIds: [q.id] }));
    // Every paper removed, then all back: as new.
    index.remove(kept.map((d) => d.id));
    expect(index.size).toBe(0);
    index.add(DOCS);
    expect(answers(index)).toEqual(answers(RelatedIndex.build(DOCS)));
  });

  it('replaces a paper added again under the same id', () => {
    const index = RelatedIndex.build(DOCS);
    const id = `${SEP}#5`;
    index.add([
      { id, title: 'Entropy collapse in attention layers', abstract: 'Attention entropy collapse destabilizes transformer training.' },
    ]);
    expect(index.size).toBe(129);
    const query = doc(`${SEP}#1`);
    expect(index.query(query, { k: 5, excludeIds: [query.id] }).map((h) => h.id)).toContain(id);
    const replaced = DOCS.map((d) =>
      d.id === id
        ? { id, title: 'Entropy collapse in attention layers', abstract: 'Attention entropy collapse destabilizes transformer training.' }
        : d,
    );
    const moved = [...replaced.filter((d) => d.id !== id), replaced.find((d) => d.id === id) as RelatedDoc];
    expect(answers(index)).toEqual(answers(RelatedIndex.build(moved)));
  });
});

describe('the snapshot', () => {
  const index = RelatedIndex.build(DOCS);

  it('gives an index that answers exactly as the one it was taken from, also after a structured clone', () => {
    const snapshot = index.toSnapshot();
    expect(answers(RelatedIndex.fromSnapshot(snapshot))).toEqual(answers(index));
    const cloned: RelatedSnapshot = structuredClone(snapshot);
    expect(cloned.postings).toBeInstanceOf(Uint8Array);
    expect(cloned).toEqual(snapshot);
    const loaded = RelatedIndex.fromSnapshot(cloned);
    expect(loaded.size).toBe(129);
    expect(answers(loaded)).toEqual(answers(index));
  });

  it('gives an index that can still change, and answers as a fresh build after', () => {
    const loaded = RelatedIndex.fromSnapshot(RelatedIndex.build(DOCS.slice(0, 80)).toSnapshot());
    loaded.add(DOCS.slice(80));
    loaded.remove([`${SEP}#0`]);
    expect(answers(loaded)).toEqual(answers(RelatedIndex.build(DOCS.filter((d) => d.id !== `${SEP}#0`))));
  });

  it('holds only plain data and typed arrays, each on a buffer of its own size', () => {
    const snapshot = index.toSnapshot();
    for (const value of [snapshot.titleLengths, snapshot.abstractLengths, snapshot.df, snapshot.postings]) {
      expect(value.byteLength).toBe(value.buffer.byteLength);
    }
    expect(snapshot.ids).toHaveLength(129);
    expect(typeof snapshot.terms).toBe('string');
  });

  it('is refused when of another version or damaged, so the caller rebuilds', () => {
    const snapshot = index.toSnapshot();
    expect(() => RelatedIndex.fromSnapshot({ ...snapshot, version: snapshot.version - 1 })).toThrow(/is not digestlens-related/);
    expect(() => RelatedIndex.fromSnapshot({ ...snapshot, postings: snapshot.postings.slice(0, -10) })).toThrow(/damaged/);
    expect(() => RelatedIndex.fromSnapshot({ ...snapshot, ids: snapshot.ids.slice(1) })).toThrow(/inconsistent/);
  });
});
