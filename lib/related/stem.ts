/**
 * A light English stemmer after Porter (1980): his step 1 (plurals, -ed, -ing, -y), part of steps
 * 2 and 3 (-ization, -ation, -ness, -ical, ...), from step 4 only -ate and -ion, and step 5 (a final e, a
 * double l). So "generation", "generates" and "generated" meet at "gener", "segmentation" and
 * "segmented" at "segment". The full algorithm also strips -al, -ive, -ent and friends, which on
 * paper abstracts merges words that mean different things ("general" and "generate" would both be
 * "gener"); this one keeps them apart.
 *
 * Only lowercase ASCII words of four letters or more are stemmed; anything else (acronyms with
 * digits, other scripts) is its own stem.
 *
 * Why hand-written, not a stemming library (kept in issue 8): the libraries (`stemmer`, `natural`,
 * Snowball ports) implement the full algorithm, which merges "general" and "generate"; the ranking
 * figure does not ask for more (scripts/eval-related.ts, DCG@10 on 3,000 queries: no stemming
 * 2.467, plurals only 2.470, this stemmer 2.466), while the terms a hit shows read better merged
 * ("segment" once, not "segmentation" and "segmented"). 130 lines, no dependency in the worker.
 */

function isConsonant(word: string, i: number): boolean {
  switch (word.charCodeAt(i)) {
    case 97: // a
    case 101: // e
    case 105: // i
    case 111: // o
    case 117: // u
      return false;
    case 121: // y: a consonant at the start or after a vowel ("yes", "play"), a vowel after a consonant ("study")
      return i === 0 || !isConsonant(word, i - 1);
    default:
      return true;
  }
}

/** Porter's m: how many vowel-consonant runs `word[0, end)` has ("tree" 0, "trouble" 1, "private" 2). */
function measure(word: string, end: number): number {
  let m = 0;
  let i = 0;
  while (i < end && isConsonant(word, i)) i++;
  while (i < end) {
    while (i < end && !isConsonant(word, i)) i++;
    if (i >= end) break;
    while (i < end && isConsonant(word, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(word: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isConsonant(word, i)) return true;
  return false;
}

/** Consonant-vowel-consonant at the end, the last not w, x or y ("hop", not "snow"): such stems take back an e. */
function endsCvc(word: string): boolean {
  const n = word.length;
  if (n < 3 || !isConsonant(word, n - 1) || isConsonant(word, n - 2) || !isConsonant(word, n - 3)) return false;
  const last = word[n - 1];
  return last !== 'w' && last !== 'x' && last !== 'y';
}

/** Porter step 1b's repair after -ed/-ing is cut: "generat" → "generate", "embedd" → "embed", "scal" → "scale". */
function afterSuffixCut(stem: string): string {
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
  const n = stem.length;
  if (n >= 2 && stem[n - 1] === stem[n - 2] && isConsonant(stem, n - 1)) {
    const last = stem[n - 1];
    // "modell" (from "modelling") is step 5b's business, done here: a long stem loses the double l.
    if (last === 'l') return measure(stem, n) > 1 ? stem.slice(0, -1) : stem;
    if (last !== 's' && last !== 'z') return stem.slice(0, -1);
    return stem;
  }
  if (measure(stem, n) === 1 && endsCvc(stem)) return `${stem}e`;
  return stem;
}

/** Porter step 2 and 3 suffixes kept here, longest first within a shared ending. Applied when the rest has m > 0. */
const STEP2: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['izer', 'ize'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['biliti', 'ble'],
  ['iviti', 'ive'],
  ['aliti', 'al'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['ical', 'ic'],
  ['ness', ''],
];

const ASCII_WORD = /^[a-z]+$/;

export function stem(word: string): string {
  if (word.length < 4 || !ASCII_WORD.test(word)) return word;
  let w = word;

  // Step 1a: plurals. Words in -us, -is and -ss are left whole ("corpus", "analysis", "loss").
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);

  // Step 1b: -eed, -ed, -ing.
  if (w.endsWith('eed')) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w, w.length - 2)) {
    w = afterSuffixCut(w.slice(0, -2));
  } else if (w.endsWith('ing') && hasVowel(w, w.length - 3)) {
    w = afterSuffixCut(w.slice(0, -3));
  }

  // Step 1c: a final y after a consonant-bearing stem reads as i, so "study" and "studies" meet.
  if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`;

  // Steps 2 and 3, in part.
  for (const [suffix, replacement] of STEP2) {
    if (w.endsWith(suffix)) {
      if (measure(w, w.length - suffix.length) > 0) w = w.slice(0, w.length - suffix.length) + replacement;
      break;
    }
  }

  // Step 4, -ate and -ion only: "segmentate" (from "segmentation") is "segment", "detection" "detect".
  if (w.endsWith('ate') && measure(w, w.length - 3) > 1) w = w.slice(0, -3);
  else if ((w.endsWith('sion') || w.endsWith('tion')) && measure(w, w.length - 3) > 1) w = w.slice(0, -3);

  // Step 5a: a final e goes from a long stem ("generate", "image"), not from a short cvc one ("scale", "base").
  if (w.endsWith('e')) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !endsCvc(w.slice(0, -1)))) w = w.slice(0, -1);
  }
  return w;
}
