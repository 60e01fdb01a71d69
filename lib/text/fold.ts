/**
 * Accent folding, shared by the title key (lib/identity/title-key.ts) and the related-papers text
 * (lib/related/plain-text.ts): Unicode compatibility decomposition (NFKD: `é` is `e` + accent, `ﬁ`
 * is `fi`, `ϰ` is `κ`, full-width letters are ASCII), then the accents dropped.
 */

const MARKS = /\p{M}/gu;

/** `Schrödinger` is "Schrodinger", `ﬁ` is "fi"; letters NFKD leaves whole (`ß`, `ø`) stay. */
export function stripAccents(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '');
}

/**
 * Lowercase letters NFKD does not decompose into a base letter plus accent, spelled in ASCII
 * (`straße` is "strasse"). The title key spells them; the related text keeps them as letters, where
 * a word with `ß` is still one word.
 */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ŋ: 'ng',
};
const LATIN_LETTER = /[ßæœøłđðþıŋ]/g;

/** Lowercase text with `ß`, `æ`, `ø`, `ł` and their kin spelled in ASCII. */
export function spellLatinLetters(lowercase: string): string {
  return lowercase.replace(LATIN_LETTER, (c) => LATIN_LETTERS[c] as string);
}
