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
