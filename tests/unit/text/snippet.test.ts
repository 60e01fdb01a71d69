import { describe, expect, it } from 'vitest';
import { searchWords } from '@/lib/db/search';
import { snippet } from '@/lib/text/snippet';

const ABSTRACT =
  'Large language models are costly to serve privately. We study the role of nonlinearities in the entropy of attention and show that removing them collapses the entropy; an entropy-guided attention restores it at a fraction of the cost.';

const render = (parts: ReturnType<typeof snippet>) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');

describe('the search snippet', () => {
  it('starts a few words before the first match, marks every matched word as written, and cuts between words', () => {
    expect(render(snippet(ABSTRACT, searchWords('Entropy nonlin'), 120))).toBe(
      '…models are costly to serve privately. We study the role of [nonlinearities] in the [entropy] of attention and show that…',
    );
  });

  it('matches accented words by their letters and keeps the accents', () => {
    expect(render(snippet('Une méthode élégante.', searchWords('elegante')))).toBe('Une méthode [élégante].');
  });

  it('shows the beginning of the text when no word matches', () => {
    expect(render(snippet(ABSTRACT, ['zebra'], 40))).toBe('Large language models are costly to…');
  });
});
