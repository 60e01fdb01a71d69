import { describe, expect, it } from 'vitest';
import { RELATED_STRENGTH_THRESHOLD, strengthWord, strongMatches } from '@/lib/related/strength-scale';

describe('how a related paper’s strength is shown', () => {
  it('keeps only the matches at or above the calibrated threshold of 0.23, in their order', () => {
    expect(RELATED_STRENGTH_THRESHOLD).toBe(0.23);
    const shown = strongMatches([{ strength: 0.5 }, { strength: 0.229 }, { strength: 0.23 }, { strength: 0.1 }]);
    expect(shown).toEqual([{ strength: 0.5 }, { strength: 0.23 }]);
  });

  it('names a strength fair just above the threshold, good from 0.3 and strong from 0.4', () => {
    expect([0.23, 0.299, 0.3, 0.399, 0.4, 1].map(strengthWord)).toEqual(['fair', 'fair', 'good', 'good', 'strong', 'strong']);
  });
});
