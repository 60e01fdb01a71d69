import { describe, expect, it } from 'vitest';
import { titleKey } from '@/lib/identity/title-key';
import { plainText } from '@/lib/related/plain-text';
import { spellLatinLetters, stripAccents } from '@/lib/text/fold';
import { latexGreekName, spellGreekLetters } from '@/lib/text/greek';
import { dropLatexAccents, PROSE_SILENT_COMMANDS, STYLE_COMMANDS } from '@/lib/text/latex';

describe('the shared reading of LaTeX, Greek and accents', () => {
  it('names the Greek letter a LaTeX command writes, in either case and as a variant', () => {
    expect(latexGreekName('sigma')).toBe('sigma');
    expect(latexGreekName('Sigma')).toBe('sigma');
    expect(latexGreekName('varepsilon')).toBe('epsilon');
    expect(latexGreekName('mathcal')).toBeUndefined();
  });

  it('takes no property of a plain object for a Greek letter', () => {
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) expect(latexGreekName(name)).toBeUndefined();
    expect(titleKey('A $\\constructor$ of Proofs')).toBe('aconstructorofproofs');
    expect(plainText('a \\constructor here')).toBe('a  constructor  here');
  });

  it('spells Greek letters, drops accents and accent commands', () => {
    expect(spellGreekLetters('Σ-Net and σReparam, µ-law')).toBe('sigma-Net and sigmaReparam, mu-law');
    expect(stripAccents('Schrödinger à la carte ﬁne')).toBe('Schrodinger a la carte fine');
    expect(dropLatexAccents("Schr\\\"odinger, Erd\\H{o}s, \\'{e}t\\'e")).toBe('Schrodinger, Erd\\H{o}s, ete');
    expect(spellLatinLetters('straße, ørsted, łodz')).toBe('strasse, orsted, lodz');
  });

  it('drops style commands in both readers, and in related text also math and citation commands', () => {
    for (const name of STYLE_COMMANDS) expect(PROSE_SILENT_COMMANDS.has(name)).toBe(true);
    expect(titleKey('$\\mathbf{X}$-Former')).toBe('xformer');
    expect(plainText('\\mathbf{X}-Former').trim()).toBe('{X}-Former');
    expect(titleKey('$\\frac{1}{2}$-Nets')).toBe('frac12nets');
    expect(plainText('\\frac{1}{2}-Nets').trim()).toBe('{1}{2}-Nets');
  });
});
