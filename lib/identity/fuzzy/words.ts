/**
 * A title's words for the fuzzy matcher, normalised exactly as `titleKey` normalises the whole title
 * (a title's words join to its key), so `pre-training`, `pre training` and `pretraining` are equal.
 * Also which words are hyphenated to the one before (a compound is added or dropped as one word),
 * how many words name the paper (`Nemotron 3 Nano: Open...`), and how many `+` it has.
 */
import { titleKey } from '../title-key';

/** A title's words, which of them are hyphenated to the word before, and how many name the paper. */
export interface Words {
  words: string[];
  glued: boolean[];
  name: number;
  /** How many `+` the title has: `KeepLoRA++` is not `KeepLoRA`, though their keys are the same. */
  plus: number;
}

/** Letters (category Lo) that `titleKey` keeps as they are; placed between words to find them again. */
const SPACE_MARK = 'ǂ';
const GLUE_MARK = 'ǁ';
const MARKS = /[ǂǁ]/g;
/** Whitespace between words, not a LaTeX `\ `; `~` is LaTeX's unbreakable space. */
const SPACES = /(?<!\\)[\s~]+/gu;
/**
 * Other characters between words, all of which `titleKey` drops. Not after a backslash, where they
 * are LaTeX accents (`\"o`, `\.c`, `\=a`); `^`, `_`, `$` and braces stay inside words (`$A^2$GC`).
 */
const JOINERS = /(?<!\\)[-\u2010-\u2015\u2212/:;,.!?()[\]|+&*"\u201c\u201d=<>]+/gu;
const WORD_CHARS = /^[\p{L}\p{N}]+$/u;
/** Titles of printable ASCII without LaTeX commands (most titles), where `titleKey` just lowercases. */
const PLAIN = /^[\x20-\x5b\x5d-\x7e]*$/;
const NOT_ALNUM = /[^a-z0-9]+/g;
const COLON = /(?<!\\):/;

function splitWords(title: string): { words: string[]; glued: boolean[] } {
  const words: string[] = [];
  const glued: boolean[] = [];
  if (PLAIN.test(title)) {
    for (const chunk of title.toLowerCase().split(SPACES)) {
      let first = true;
      for (const part of chunk.split(JOINERS)) {
        const word = part.replace(NOT_ALNUM, '');
        if (!word) continue;
        words.push(word);
        glued.push(!first);
        first = false;
      }
    }
    if (words.length) return { words, glued };
  }
  const marked = titleKey(title.replace(MARKS, ' ').replace(SPACES, ` ${SPACE_MARK} `).replace(JOINERS, ` ${GLUE_MARK} `));
  let spaced = true;
  for (const piece of marked.split(/([ǂǁ])/)) {
    if (piece === SPACE_MARK) spaced = true;
    else if (piece && piece !== GLUE_MARK && WORD_CHARS.test(piece)) {
      glued.push(words.length > 0 && !spaced);
      words.push(piece);
      spaced = false;
    }
  }
  return { words, glued };
}

/** A coined word: with a digit, a capital inside (`LLaVA`, `TimeSeek`) or in capitals (`TRUST`). */
const COINED = /\d|\p{Ll}\p{Lu}|\p{Lu}\p{Lu}/u;

export function tokenize(title: string): Words {
  const { words, glued } = splitWords(title);
  const plus = title.split('+').length - 1;
  // A name: 1–3 words before the first colon, one of them coined, and 2 or more words after it.
  const colon = title.search(COLON);
  if (colon < 0 || !COINED.test(title.slice(0, colon))) return { words, glued, name: 0, plus };
  const name = splitWords(title.slice(0, colon)).words.length;
  return { words, glued, name: name >= 1 && name <= 3 && words.length - name >= 2 ? name : 0, plus };
}

/** The normalised words of a title; they join to `titleKey(title)`. */
export function titleWords(title: string): string[] {
  return splitWords(title).words;
}
