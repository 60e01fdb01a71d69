import { describe, expect, it } from 'vitest';
import { findArxivId, normalizeArxivId } from '@/lib/identity/arxiv-id';

describe('normalizeArxivId', () => {
  it('reduces a new-style id to its bare form, dropping the arXiv: prefix, the version and surrounding space', () => {
    expect(normalizeArxivId('2501.11120')).toBe('2501.11120');
    expect(normalizeArxivId('2501.11120v2')).toBe('2501.11120');
    expect(normalizeArxivId('arXiv:2609.22268v13')).toBe('2609.22268');
    expect(normalizeArxivId('  ARXIV: 0704.0001 ')).toBe('0704.0001');
  });

  it('accepts the whole new-style range: 4 digits from 0704 to 1412, 5 digits from 1501', () => {
    expect(normalizeArxivId('0704.0001')).toBe('0704.0001');
    expect(normalizeArxivId('1412.8999')).toBe('1412.8999');
    expect(normalizeArxivId('1501.00001')).toBe('1501.00001');
    expect(normalizeArxivId('2609.22268')).toBe('2609.22268');
  });

  it('refuses numbers that arXiv never issued', () => {
    for (const bad of ['0703.0001', '1501.0001', '1412.00001', '2613.00001', '2600.12345', '2609.00000', '0704.0000']) {
      expect(normalizeArxivId(bad), bad).toBeNull();
    }
  });

  it('reads old-style ids, lowercases the archive and drops the subject class and version', () => {
    expect(normalizeArxivId('hep-th/9901001')).toBe('hep-th/9901001');
    expect(normalizeArxivId('hep-th/9901001v1')).toBe('hep-th/9901001');
    expect(normalizeArxivId('arXiv:math.AG/0601001v2')).toBe('math/0601001');
    expect(normalizeArxivId('Quant-Ph/0703001')).toBe('quant-ph/0703001');
    expect(normalizeArxivId('hep-th/9108001')).toBe('hep-th/9108001');
  });

  it('refuses old-style ids of unknown archives or outside August 1991 to March 2007', () => {
    for (const bad of ['foo/9901001', 'hep-th/9107001', 'hep-th/0704001', 'hep-th/9913001', 'hep-th/990100', 'hep-th/9901000']) {
      expect(normalizeArxivId(bad), bad).toBeNull();
    }
  });

  it('refuses anything that is not exactly one id', () => {
    for (const bad of ['', 'abc', '2501.11120.pdf', '2501.11120v', '2501.111201', 'see 2501.11120', '2501.11120 2501.11121']) {
      expect(normalizeArxivId(bad), bad).toBeNull();
    }
  });
});

describe('findArxivId', () => {
  it('finds an id written after arXiv: or in an arxiv.org link, without its version', () => {
    expect(findArxivId('arXiv preprint arXiv:2309.14402, 2023.')).toBe('2309.14402');
    expect(findArxivId('URL https://arxiv.org/abs/2103.04264v2.')).toBe('2103.04264');
    expect(findArxivId('arXiv e-prints , arXiv:2404.02522 (2024), arXiv:2404.02522 [astro-ph.GA]')).toBe('2404.02522');
    expect(findArxivId('see http://arxiv.org/pdf/hep-th/9901001v1')).toBe('hep-th/9901001');
  });

  it('finds an old-style id alone, as references write them', () => {
    expect(findArxivId('C. Old Author, A classic reference, hep-ph/0601234, 10.1103/PhysRevD.99.012345.')).toBe('hep-ph/0601234');
  });

  it('ignores bare new-style numbers, which could be anything', () => {
    expect(findArxivId('Phys. Rev. D 2404.02522 (2024)')).toBeNull();
    expect(findArxivId('pages 1234.5678')).toBeNull();
  });

  it('ignores numbers that run on past an id', () => {
    expect(findArxivId('arXiv:2404.025221')).toBeNull();
    expect(findArxivId('arXiv:2404.02522.7')).toBeNull();
    expect(findArxivId('arXiv:2501.99999.')).toBe('2501.99999');
  });
});
