/**
 * Greek letters spelled out, shared by the identity rule (lib/identity/title-key.ts) and the
 * related-papers text (lib/related/plain-text.ts), so both read `σ`, `$\sigma$` and "sigma" alike.
 */

/** Lowercase Greek letters (and look-alikes: micro sign, variant forms) and their names. */
export const GREEK_LETTER_NAMES: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ϵ: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ϑ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  ϰ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  µ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ϖ: 'pi',
  ρ: 'rho',
  ϱ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  ϕ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

/** LaTeX spellings of Greek letters that differ from the letter's name. */
export const LATEX_GREEK_VARIANTS: Record<string, string> = {
  varepsilon: 'epsilon',
  vartheta: 'theta',
  varpi: 'pi',
  varrho: 'rho',
  varsigma: 'sigma',
  varphi: 'phi',
  varkappa: 'kappa',
  upepsilon: 'epsilon',
};

/** The names, for recognising `\\sigma` and its kin. */
export const GREEK_WORDS = new Set(Object.values(GREEK_LETTER_NAMES));

/**
 * Every Greek letter, capital or lowercase, spelled as its name (`Σ` and `σ` are "sigma"). Run after
 * `stripAccents` (fold.ts): NFKD has taken accents off the letters and mapped variant forms (`ϰ`,
 * `ϖ`, `ϱ`, the micro sign) to the plain letters; the pattern takes them anyway.
 */
export function spellGreekLetters(text: string): string {
  return text.replace(GREEK_CHARS, (c) => GREEK_LETTER_NAMES[c.toLowerCase()] ?? c);
}

const GREEK_CHARS = /[\u0391-\u03a9\u03b1-\u03c9\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u00b5]/g;

/** The letter a LaTeX command names (`\sigma`, `\Sigma`, `\varepsilon`), or undefined when it names none. */
export function latexGreekName(command: string): string | undefined {
  const lower = command.toLowerCase();
  // Own keys only: `\constructor` names no letter (it read as "function Object() {…}" until 2026-12).
  if (Object.hasOwn(LATEX_GREEK_VARIANTS, lower)) return LATEX_GREEK_VARIANTS[lower];
  return GREEK_WORDS.has(lower) ? lower : undefined;
}
