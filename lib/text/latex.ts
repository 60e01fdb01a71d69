/**
 * LaTeX in titles and abstracts (`$\sigma$-Reparam`, `Schr\"odinger`, `$\mathcal{O}(n \log n)$`),
 * read the same way by the title key (lib/identity/title-key.ts) and the related-papers text
 * (lib/related/plain-text.ts): accent commands become their letter, Greek letters their name,
 * commands that only style their argument are dropped, any other command reads as its name.
 */

/** `\'e`, `\"o`, `` \`a ``, `\^o`, `\~n`, `\=a`, `\.c`: an accent command and its letter (group 1). */
export const LATEX_ACCENT = /\\['"`^~=.]\{?([A-Za-z])\}?/g;

/** A command: a backslash and its name (group 1). */
export const LATEX_COMMAND = /\\([A-Za-z]+)/g;

/** Accent commands as their bare letter: `Schr\"odinger` is "Schrodinger". */
export function dropLatexAccents(text: string): string {
  return text.replace(LATEX_ACCENT, '$1');
}

/** Commands that only style their argument (`\mathbf{x}` is `x`): dropped, their argument kept. */
export const STYLE_COMMANDS: ReadonlySet<string> = new Set(
  `mathrm mathbf mathit mathsf mathtt mathcal mathbb mathfrak mathscr boldsymbol bm textbf textit texttt textrm textsf
textsc textup textnormal text emph em bf it rm sf tt sc operatorname mbox hbox left right big Big bigg Bigg
displaystyle textstyle scriptstyle ensuremath url href hat tilde bar vec dot ddot widehat widetilde overline underline`.split(/\s+/),
);

/**
 * Commands that say nothing about a paper's subject, read as a space in the related-papers text:
 * the style commands, and fractions, roots, spacing, operators and relations, notes and citations.
 * The title key keeps these names (`\frac` reads "frac"), as it always has: keys are stored, and
 * a new key for the same title would make a paper imported before another paper.
 */
export const PROSE_SILENT_COMMANDS: ReadonlySet<string> = new Set([
  ...STYLE_COMMANDS,
  ...`frac dfrac tfrac sqrt quad qquad cdot cdots ldots dots times sim approx leq geq le ge neq in to mid textasciitilde
footnote cite citep citet ref label`.split(/\s+/),
]);
