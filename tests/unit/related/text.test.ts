import { describe, expect, it } from 'vitest';
import { textTerms } from '@/lib/related/lexicon';
import { plainText } from '@/lib/related/plain-text';
import { stem } from '@/lib/related/stem';

describe('reading text into terms', () => {
  it('drops English and generic paper words, bare numbers and quantities', () => {
    expect(textTerms('We propose a novel method that achieves 95.3% accuracy on 3 benchmarks in 2024')).toEqual(['accuraci', 'benchmark']);
    expect(
      textTerms('Extensive experiments show state-of-the-art results, as in Smith et al. (2023), with 7B models at 10k steps'),
    ).toEqual(['smith', 'model', 'step']);
  });

  it('keeps "3D" and names with digits, drops single letters', () => {
    expect(textTerms('3D reconstruction with GPT-4 and Llama3 for a robot x')).toEqual(['3d', 'reconstruct', 'gpt', 'llama3', 'robot']);
  });

  it('reads $\\sigma$Reparam, σReparam and sigmaReparam as one word', () => {
    expect(textTerms('$\\sigma$Reparam')).toEqual(['sigmareparam']);
    expect(textTerms('σReparam')).toEqual(['sigmareparam']);
    expect(textTerms('sigmaReparam')).toEqual(['sigmareparam']);
  });

  it('reads LaTeX: formatting wrappers dropped, Greek spelled out, other commands as words', () => {
    expect(textTerms('$\\mathcal{O}(n \\log n)$ attention with \\textbf{sparse} $\\epsilon$-greedy heads, $x\\alpha$')).toEqual([
      'log',
      'attent',
      'spars',
      'epsilon',
      'greedi',
      'head',
      'alpha',
    ]);
    expect(textTerms('{\\em entropy collapse} with $\\varepsilon$ and $\\ell_2$ loss')).toEqual([
      'entropi',
      'collaps',
      'epsilon',
      'ell',
      'loss',
    ]);
  });

  it('drops URLs, with or without a scheme', () => {
    expect(
      textTerms('Data at https://github.com/foo/transformer-lens and www.example.org/x, see yuqingwang1029.github.io/TokenBridge.'),
    ).toEqual(['data', 'see']);
  });

  it('strips accents and spells out Unicode Greek', () => {
    expect(plainText('Schrödinger Bridges à la carte, μP and Σ-nets')).toBe('Schrodinger Bridges a la carte, muP and sigma-nets');
    expect(textTerms('Schrödinger bridges')).toEqual(textTerms('Schrodinger bridges'));
  });

  it('stems inflections together and keeps apart words Porter would merge', () => {
    const stems = (words: string) => words.split(' ').map(stem);
    expect(stems('generation generates generated generating')).toEqual(['gener', 'gener', 'gener', 'gener']);
    expect(stem('general')).toBe('general');
    expect(stems('segmentation segmented segments')).toEqual(['segment', 'segment', 'segment']);
    expect(stems('modeling modelling models model')).toEqual(['model', 'model', 'model', 'model']);
    expect(stems('embedding embeddings embedded')).toEqual(['embed', 'embed', 'embed']);
    expect(stems('optimization optimizer optimized')).toEqual(['optimiz', 'optimiz', 'optimiz']);
    expect(stems('study studies policy policies')).toEqual(['studi', 'studi', 'polici', 'polici']);
    expect(stems('scaling scaled scale')).toEqual(['scale', 'scale', 'scale']);
    expect(stems('detection detected robustness')).toEqual(['detect', 'detect', 'robust']);
    expect(stems('corpus analysis loss')).toEqual(['corpus', 'analysis', 'loss']);
  });
});
