import { describe, expect, it } from 'vitest';
import { type FuzzyCandidate, FuzzyTitleIndex } from '@/lib/identity/fuzzy';
import { charDistance } from '@/lib/identity/fuzzy/distance';
import { canonicalWord } from '@/lib/identity/fuzzy/vocabulary';
import { titleWords } from '@/lib/identity/fuzzy/words';
import { titleKey } from '@/lib/identity/title-key';

const GAUSSIAN = 'Efficient 3D Gaussian Splatting for Real-Time Novel View Synthesis of Dynamic Scenes';

function matchIn(titles: string[], query: string): string | null {
  const index = FuzzyTitleIndex.build(titles.map((title, i) => ({ id: `p${i}`, title })));
  const match = index.match(query);
  return match ? (titles[Number(match.id.slice(1))] as string) : null;
}

describe('title words', () => {
  it('are the title key cut at spaces and punctuation', () => {
    expect(titleWords('DisCO: Reinforcing  Large Reasoning Models')).toEqual(['disco', 'reinforcing', 'large', 'reasoning', 'models']);
    expect(titleWords('$\\sigma$-Reparam: Schr\\"odinger Bridges à la carte')).toEqual([
      'sigma',
      'reparam',
      'schrodinger',
      'bridges',
      'a',
      'la',
      'carte',
    ]);
    expect(titleWords('$A^2$GC: $\\mathcal{O}(n \\log n)$ Attention')).toEqual(['a2gc', 'o', 'n', 'log', 'n', 'attention']);
    for (const title of [
      '$A^2$GC: $A$symmetric $A$ggregation',
      'LLaVA$^3$: 3D Scenes',
      'Reinforcement Learning with $ω$-Regular Objectives',
      '???',
    ]) {
      expect(titleWords(title).join('') || titleKey(title)).toBe(titleKey(title));
    }
  });

  it('have one spelling for plural and singular, British and American', () => {
    expect(['LLMs', 'LLM'].map((w) => canonicalWord(w.toLowerCase()))).toEqual(['llm', 'llm']);
    expect(['behaviours', 'behavior', 'behaviour'].map(canonicalWord)).toEqual(['behavior', 'behavior', 'behavior']);
    expect(['optimisation', 'optimization'].map(canonicalWord)).toEqual(['optimization', 'optimization']);
    expect(['modelling', 'modeling', 'analyse', 'analyze', 'centre', 'center'].map(canonicalWord)).toEqual([
      'modeling',
      'modeling',
      'analyze',
      'analyze',
      'center',
      'center',
    ]);
    expect(['strategies', 'strategy', 'approaches', 'approach', 'towards', 'toward'].map(canonicalWord)).toEqual([
      'strategy',
      'strategy',
      'approach',
      'approach',
      'toward',
      'toward',
    ]);
    expect(['analysis', 'bias', 'class', 'gpt4s'].map(canonicalWord)).toEqual(['analysis', 'bia', 'class', 'gpt4s']);
  });

  it('measures character distance (Levenshtein), bounded', () => {
    expect(charDistance('kitten', 'sitting', 5)).toBe(3);
    expect(charDistance('abcdefgh', 'abcdefgh', 2)).toBe(0);
    expect(charDistance('prefixXsuffix', 'prefixYYsuffix', 5)).toBe(2);
    expect(charDistance('abc', 'xyzxyz', 2)).toBe(3);
  });
});

describe('fuzzy title matching', () => {
  it('matches a title one small edit away', () => {
    const edits = [
      'Efficient 3D Gaussian Splatting for Real-Time Novel View Synthesis of Dynamic Scene', // plural
      'Efficient 3D Gaussian Splatting for Real-Time Novel View Synthesis of Dynamic Sceens', // typo
      'Efficient 3D Gaussian Splatting for Realtime Novel-View Synthesis of Dynamic Scenes', // hyphenation
      'Efficient 3D Gaussian Splatting for Real-Time Novel View Synthesis of the Dynamic Scenes', // article
      'Efficient 3D Gaussian Splatting for Real-Time Novel View Synthesis in Dynamic Scenes', // function word
      'Efficient 3D Gaussian Splatting for Real-Time View Synthesis of Dynamic Scenes', // word dropped
      'Efficient 3D Gaussian Splatting for Real-Time Novel View Synthesis of Dynamic Urban Scenes', // word added
      'Parameter-Efficient 3D Gaussian Splatting for Real-Time Novel View Synthesis of Dynamic Scenes', // compound
      'Fast 3D Gaussian Splatting for Real-Time Novel View Synthesis of Dynamic Scenes', // word replaced
      'efficient 3d gaussian splatting -- real-time novel view synthesis of dynamic scenes.', // case, punctuation
    ];
    const index = FuzzyTitleIndex.build([{ id: 'gs', title: GAUSSIAN }]);
    for (const edit of edits) expect(index.match(edit)?.id, edit).toBe('gs');
  });

  it('weighs edits: 0 for the same key, spelling < typo < word added < word replaced', () => {
    const index = FuzzyTitleIndex.build([{ id: 'gs', title: GAUSSIAN }]);
    const distance = (title: string) => index.match(title)?.distance;
    expect(distance(GAUSSIAN.toUpperCase())).toBe(0);
    expect(distance(GAUSSIAN.replace('Scenes', 'Scene'))).toBe(0.17);
    expect(distance(GAUSSIAN.replace('Scenes', 'Sceens'))).toBe(0.67);
    expect(distance(GAUSSIAN.replace('Novel ', ''))).toBe(1);
    expect(distance(GAUSSIAN.replace('Efficient', 'Fast'))).toBe(1.17);
  });

  it('does not match two word edits, or a typo in a 5–6 word title, or anything in 4 words or fewer', () => {
    expect(matchIn([GAUSSIAN], GAUSSIAN.replace('Efficient', 'Fast').replace('Novel ', ''))).toBeNull();
    expect(matchIn([GAUSSIAN], `${GAUSSIAN} and Objects`)).toBeNull();
    expect(matchIn([GAUSSIAN], GAUSSIAN.replace('Efficient', 'Fast').replace('Scenes', 'Sceens'))).toBe(GAUSSIAN);
    // 8 words: a word may be added or dropped, not replaced.
    const eight = 'Do Large Language Models Understand Data Visualization Principles?';
    expect(matchIn([eight], 'Do Large Language Models Understand Data Visualization?')).toBe(eight);
    expect(matchIn([eight], 'Do Large Language Models Understand Data Visualization Rules?')).toBeNull();
    // 6 words: spelling and typos only.
    const six = 'Rotatable Antenna Assisted Mobile Edge Computing';
    expect(matchIn([six], 'Rotatable Antennas Assisted Mobile Edge Computing')).toBe(six);
    expect(matchIn([six], 'Rotatable Antenna Asisted Mobile Edge Computing')).toBe(six);
    expect(matchIn([six], 'Rotatable Antenna Enabled Mobile Edge Computing')).toBeNull();
    expect(matchIn([six], 'Rotatable Antenna Mobile Edge Computing')).toBeNull();
    // 4 words: the title key or nothing.
    expect(matchIn(['Compute Optimal Tokenization Laws'], 'Compute Optimal Tokenisation Laws')).toBeNull();
    expect(matchIn(['Compute Optimal Tokenization Laws'], 'compute-optimal tokenization laws')).toBe('Compute Optimal Tokenization Laws');
  });

  it('never matches when a number, version, Roman numeral, negation or quantity differs', () => {
    const pairs = [
      ['Evaluating the Reasoning Abilities of GPT-4 on Graduate-Level Physics Problems', 'GPT-4', 'GPT-5'],
      ['Evaluating the Reasoning Abilities of GPT-4 on Graduate-Level Physics Problems', 'GPT-4', 'GPT4o'],
      [GAUSSIAN, '3D', '2D'],
      ['Scaling Properties of Sparse Mixture-of-Experts Language Models, Part I', 'Part I', 'Part II'],
      ['Sparse Mixture-of-Experts Language Models Trained on 2 Trillion Tokens of Code', '2', '3'],
      ['Qwen2 Technical Report: Scaling Open Multilingual Language Models', 'Qwen2', 'Qwen2.5'],
      ['When Do Vision Transformers Need Registers for Dense Prediction Tasks', 'Need', 'Not Need'],
      ['Robust Reinforcement Learning with Human Feedback for Dialogue Agents', 'with', 'without'],
      ['Few-Shot Learners for Low-Resource Named Entity Recognition in Clinical Notes', 'Few-Shot', 'Zero-Shot'],
      ['Are All Layers Created Equal in Large Vision-Language Models', 'All ', ''],
      ['Single-Agent Reinforcement Learning for Traffic Signal Control in Urban Networks', 'Single', 'Multi'],
    ] as const;
    for (const [title, from, to] of pairs) {
      const query = title.replace(from, to);
      expect(query).not.toBe(title);
      expect(matchIn([title], query), query).toBeNull();
    }
  });

  it('never replaces a word by a contrasting one', () => {
    const pairs = [
      ['Online', 'Offline'],
      ['Supervised', 'Unsupervised'],
      ['Supervised', 'Semi-Supervised'],
      ['Text', 'Video'],
      ['Encoder', 'Decoder'],
      ['Local', 'Global'],
      ['Causal', 'Casual'],
      ['Intraclass', 'Interclass'],
      ['Linear', 'Nonlinear'],
      ['Segmentation', 'Detection'],
    ];
    for (const [from, to] of pairs) {
      const title = `${from} Representation Learning for Robust Multimodal Retrieval in Large Collections`;
      expect(matchIn([title], title.replace(from as string, to as string)), `${from} -> ${to}`).toBeNull();
    }
    const title = 'Learning Online Representations for Robust Multimodal Retrieval in Large Collections';
    expect(matchIn([title], title.replace('Online', 'Robust'))).toBe(title);
  });

  it('keeps a name whole: another name is another paper, even one letter apart', () => {
    const nano = 'Nemotron 3 Nano: Open, Efficient Mixture-of-Experts Hybrid Mamba-Transformer Model for Agentic Reasoning';
    expect(matchIn([nano], nano.replace('Nano', 'Ultra'))).toBeNull();
    const llava = 'LLaVA: Visual Instruction Tuning with Large Multimodal Models and Synthetic Conversations';
    expect(matchIn([llava], llava.replace('LLaVA', 'LLaMA'))).toBeNull();
    expect(matchIn([llava], llava.replace('LLaVA', 'LLaVA++').replace('Conversations', 'Conversation'))).toBeNull();
    // A name added or dropped whole, when the other title has none, is one word.
    expect(matchIn([llava], llava.replace('LLaVA: ', ''))).toBe(llava);
    const unnamed = 'Dual-View Mammogram Synthesis Using Denoising Diffusion Probabilistic Models';
    expect(matchIn([unnamed], `MammoRGB: ${unnamed}`)).toBe(unnamed);
    expect(matchIn([unnamed], `Simultaneous ${unnamed}`)).toBe(unnamed);
    expect(matchIn([`Simultaneous ${unnamed}`], `MammoRGB: ${unnamed}`)).toBeNull();
    // A colon after ordinary words is no name.
    const why = 'Why Neighborhoods Matter: Traversal Context and Provenance in Agentic GraphRAG';
    expect(matchIn([why], why.replace('Neighborhoods', 'Neighbourhoods'))).toBe(why);
    expect(matchIn([why], why.replace('Neighborhoods', 'Neigbhorhoods'))).toBe(why);
  });

  it('answers null when two papers are within reach, and the exact key when it has one', () => {
    const a = 'Scaling Laws for Sparse Mixture-of-Experts Language Models in Low-Resource Languages';
    const b = 'Scaling Laws for Sparse Mixture-of-Experts Language Models in Low-Resource Settings';
    const c = 'Scaling Laws for Dense Mixture-of-Experts Language Models in High-Resource Settings';
    const index = FuzzyTitleIndex.build([
      { id: 'a', title: a },
      { id: 'b', title: b },
      { id: 'c', title: c },
    ]);
    // One word from a and from b; a typo from a is a typo and a word from b: ambiguous.
    expect(index.match(a.replace('Languages', 'Domains'))).toBeNull();
    expect(index.match(a.replace('Language', 'Langauge'))).toBeNull();
    // A typo from c is two words and more from b: c.
    expect(index.match(c.replace('Language', 'Langauge'))).toEqual({ id: 'c', distance: 0.67 });
    // The same key is the answer, whatever else is near.
    expect(index.match(a)).toEqual({ id: 'a', distance: 0 });
    expect(index.match(b.toLowerCase())).toEqual({ id: 'b', distance: 0 });
    // Two papers with the same key: no answer.
    const twice = FuzzyTitleIndex.build([
      { id: 'a', title: a },
      { id: 'a2', title: a.toUpperCase() },
    ]);
    expect(twice.match(a)).toBeNull();
    expect(twice.match(a.replace('Language', 'Langauge'))).toBeNull();
  });

  it('adds, replaces and removes papers', () => {
    const index = FuzzyTitleIndex.build([]);
    const query = GAUSSIAN.replace('Scenes', 'Scene');
    expect(index.match(query)).toBeNull();
    index.add([{ id: 'gs', title: GAUSSIAN }]);
    expect(index.size).toBe(1);
    expect(index.match(query)?.id).toBe('gs');
    index.add([{ id: 'gs', title: 'Something Else Entirely About Quantum Error Correction Codes' }]);
    expect(index.size).toBe(1);
    expect(index.match(query)).toBeNull();
    index.add([{ id: 'gs', title: GAUSSIAN }]);
    index.remove(['gs', 'not-there']);
    expect(index.size).toBe(0);
    expect(index.match(query)).toBeNull();
    expect(index.match(GAUSSIAN)).toBeNull();
    // Many removals and additions (the slots are compacted on the way).
    const papers: FuzzyCandidate[] = Array.from({ length: 3000 }, (_, i) => ({ id: `p${i}`, title: `${GAUSSIAN} number ${i}` }));
    index.add(papers);
    index.remove(papers.slice(0, 2500).map((p) => p.id));
    index.add([{ id: 'gs', title: GAUSSIAN }]);
    expect(index.size).toBe(501);
    expect(index.match(query)?.id).toBe('gs');
    expect(index.match(`${GAUSSIAN} number 2999`)).toEqual({ id: 'p2999', distance: 0 });
    expect(index.match(`${GAUSSIAN} number 1`)).toBeNull();
  });

  it('round-trips through a structured-cloneable snapshot', () => {
    const titles = [
      GAUSSIAN,
      'KeepLoRA++: Continual Learning with Layer-Scaled Residual Gradient Adaptation',
      'Nemotron 3 Nano: Open, Efficient Mixture-of-Experts Hybrid Mamba-Transformer Model for Agentic Reasoning',
      '$\\sigma$-Reparam: Stable Transformer Training with Spectral Reparametrization',
      '???',
    ];
    const index = FuzzyTitleIndex.build(titles.map((title, i) => ({ id: `p${i}`, title })));
    const snapshot = structuredClone(index.toSnapshot());
    expect(snapshot.ids).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(snapshot.keys).toEqual(['~???']);
    // Each title: word count, name length, `+` count, then word numbers (times 2, plus 1 if hyphenated).
    expect([...snapshot.titles.slice(0, 15)]).toEqual([13, 0, 0, 0, 2, 4, 6, 8, 10, 13, 14, 16, 18, 20, 22]);
    expect(snapshot.words.slice(0, 4)).toEqual(['efficient', '3d', 'gaussian', 'splatting']);
    expect(snapshot.words.filter((w) => w === 'for')).toEqual(['for']);
    const loaded = FuzzyTitleIndex.fromSnapshot(snapshot);
    expect(loaded.toSnapshot()).toEqual(snapshot);
    const queries = [
      GAUSSIAN.replace('Scenes', 'Scene'),
      'KeepLoRA++: Continual Learning with Layer-Scaled Residual Gradient Adaptations',
      'KeepLoRA: Continual Learning with Layer-Scaled Residual Gradient Adaptations',
      'Nemotron 3 Ultra: Open, Efficient Mixture-of-Experts Hybrid Mamba-Transformer Model for Agentic Reasoning',
      'σ-Reparam: Stable Transformer Training with Spectral Reparametrisation',
      '???',
    ];
    for (const query of queries) expect(loaded.match(query), query).toEqual(index.match(query));
    expect(queries.map((q) => loaded.match(q)?.id ?? null)).toEqual(['p0', 'p1', null, null, 'p3', 'p4']);
    expect(() => FuzzyTitleIndex.fromSnapshot({ ...snapshot, version: 1 } as never)).toThrow();
    expect(() => FuzzyTitleIndex.fromSnapshot({ version: 1, ids: ['p0'], titles: ['efficient 3d'] } as never)).toThrow();
    expect(() => FuzzyTitleIndex.fromSnapshot({ ...snapshot, titles: snapshot.titles.slice(1) })).toThrow();
  });
});

describe('real title pairs', () => {
  /** Titles of the same paper: arXiv v1 (as Hugging Face still shows it) and later versions or venues. */
  it('matches the same paper retitled in a small way', () => {
    // arXiv 2212.10560: v1 (and its Hugging Face page) vs v2.
    expect(
      matchIn(
        ['Self-Instruct: Aligning Language Models with Self-Generated Instructions'],
        'Self-Instruct: Aligning Language Model with Self Generated Instructions',
      ),
    ).not.toBeNull();
    // arXiv 2201.11903, cited with and without the hyphens: the same key.
    expect(
      FuzzyTitleIndex.build([{ id: '2201.11903', title: 'Chain-of-Thought Prompting Elicits Reasoning in Large Language Models' }]).match(
        'Chain of Thought Prompting Elicits Reasoning in Large Language Models',
      ),
    ).toEqual({ id: '2201.11903', distance: 0 });
    // arXiv 2604.05547 and 2605.20190 (dataset): one work submitted twice, the second without its name.
    const cosmo = 'COSMO-Agent: Tool-Augmented Agent for Closed-loop Optimization,Simulation,and Modeling Orchestration';
    expect(matchIn([cosmo], 'Tool-Augmented Agent for Closed-loop Optimization,Simulation,and Modeling Orchestration')).toBe(cosmo);
  });

  it('does not match a retitling of two word edits (arXiv 2303.16199 and its ICLR 2024 title)', () => {
    const arxiv = 'LLaMA-Adapter: Efficient Fine-tuning of Language Models with Zero-init Attention';
    expect(matchIn([arxiv], 'LLaMA-Adapter: Efficient Fine-tuning of Large Language Models with Zero-initialized Attention')).toBeNull();
  });

  it('never matches different papers with close titles', () => {
    const pairs = [
      ['Textbooks Are All You Need', 'Textbooks Are All You Need II: phi-1.5 technical report'],
      [
        'MM1: Methods, Analysis & Insights from Multimodal LLM Pre-training',
        'MM1.5: Methods, Analysis & Insights from Multimodal LLM Fine-tuning',
      ],
      ['Denoising Diffusion Probabilistic Models', 'Improved Denoising Diffusion Probabilistic Models'],
      ['Denoising Diffusion Probabilistic Models', 'Denoising Diffusion Implicit Models'],
      ['Language Models are Few-Shot Learners', 'Finetuned Language Models Are Zero-Shot Learners'],
      ['Emergent Abilities of Large Language Models', 'Are Emergent Abilities of Large Language Models a Mirage?'],
      ['Qwen2 Technical Report', 'Qwen2.5 Technical Report'],
      ['Visual Instruction Tuning', 'Improved Baselines with Visual Instruction Tuning'],
      // From the 38,246-paper dataset: different papers, different abstracts.
      [
        'KeepLoRA: Continual Learning with Residual Gradient Adaptation',
        'KeepLoRA++: Continual Learning with Layer-Scaled Residual Gradient Adaptation',
      ],
      [
        'Nemotron 3 Nano: Open, Efficient Mixture-of-Experts Hybrid Mamba-Transformer Model for Agentic Reasoning',
        'Nemotron 3 Ultra: Open, Efficient Mixture-of-Experts Hybrid Mamba-Transformer Model for Agentic Reasoning',
      ],
      [
        'Do Large Language Models Understand Data Visualization Principles?',
        'Do Large Language Models Understand Data Visualization Rules?',
      ],
      ['Qwen3-VL Technical Report', 'Qwen3-ASR Technical Report'],
      ['Identification for ISI Gaussian Channels', 'Identification for Colored Gaussian Channels'],
      ['Rotatable Antenna Assisted Mobile Edge Computing', 'Rotatable Antenna-Enabled Mobile Edge Computing'],
      ['How to Set the Batch Size for Large-Scale Pre-training?', 'How to Set the Learning Rate for Large-Scale Pre-training?'],
      [
        'Findings of the Counter Turing Test: AI-Generated Text Detection',
        'Findings of the Counter Turing Test: AI-Generated Image Detection',
      ],
      ['Regional Bias in Large Language Models', 'Attribution Bias in Large Language Models'],
      [
        'MammoRGB: Dual-View Mammogram Synthesis Using Denoising Diffusion Probabilistic Models',
        'Simultaneous Dual-View Mammogram Synthesis Using Denoising Diffusion Probabilistic Models',
      ],
    ] as const;
    for (const [a, b] of pairs) {
      expect(matchIn([a], b), b).toBeNull();
      expect(matchIn([b], a), a).toBeNull();
    }
  });
});
