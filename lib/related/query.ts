/**
 * A query paper's text as weighted terms: read as documents are (plain text, lexicon, stems), each
 * term known to the index weighed by its query tf (saturated) × flattened idf, the heaviest
 * `maxQueryTerms` kept; and, for each, the form the query wrote most often, to show it.
 */
import { idf, queryTfWeight } from './bm25';
import type { RelatedParams } from './params';
import { plainText } from './plain-text';
import type { Postings } from './postings';

export interface RelatedQuery {
  title: string;
  abstract?: string | null;
}

export interface QueryTerm {
  id: number;
  term: string;
  /** Query tf × idf: what one fully matching occurrence adds to a score. */
  weight: number;
  titleTf: number;
  abstractTf: number;
}

export interface ReadQuery {
  /** The query's terms known to the index, heaviest first, at most `maxQueryTerms`. */
  terms: QueryTerm[];
  /** How to show each term: as the query wrote it. */
  display: Map<string, string>;
  /** Terms in the query's title and abstract (stop words left out), for its own length normalisation. */
  titleLength: number;
  abstractLength: number;
}

export function readQuery(q: RelatedQuery, postings: Postings, params: RelatedParams): ReadQuery {
  const lexicon = postings.lexicon;
  const counts = new Map<string, { titleTf: number; abstractTf: number; forms: Map<string, number> }>();
  const lengths = [0, 0];
  const fields = [q.title, q.abstract ?? ''];
  for (let field = 0; field < 2; field++) {
    const plain = plainText(fields[field] as string);
    lexicon.scan(plain, (entry, start, end) => {
      const term = lexicon.stemOf(entry);
      if (term === null) return;
      lengths[field] = (lengths[field] as number) + 1;
      let count = counts.get(term);
      if (count === undefined) {
        count = { titleTf: 0, abstractTf: 0, forms: new Map() };
        counts.set(term, count);
      }
      if (field === 0) count.titleTf++;
      else count.abstractTf++;
      const form = plain.slice(start, end);
      count.forms.set(form, (count.forms.get(form) ?? 0) + 1);
    });
  }

  const docCount = postings.ids.length;
  const terms: QueryTerm[] = [];
  for (const [term, count] of counts) {
    const id = postings.termIds.get(term);
    if (id === undefined) continue;
    const weight = queryTfWeight(count.titleTf, count.abstractTf, params) * idf(docCount, postings.df(id), params.idfPower);
    terms.push({ id, term, weight, titleTf: count.titleTf, abstractTf: count.abstractTf });
  }
  terms.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  terms.length = Math.min(terms.length, params.maxQueryTerms);

  const display = new Map<string, string>();
  for (const { term } of terms) display.set(term, readableForm((counts.get(term) as { forms: Map<string, number> }).forms));
  return { terms, display, titleLength: lengths[0] as number, abstractLength: lengths[1] as number };
}

/**
 * How the query wrote a term most often. A capital that only starts a word ("Practical" in a
 * title) is lowered; acronyms and names with inner capitals ("RAG", "LLMs", "CLIP") stay.
 */
function readableForm(forms: Map<string, number>): string {
  let best = '';
  let bestScore = -1;
  for (const [form, count] of forms) {
    const score = count + (form === form.toLowerCase() ? 0.5 : 0);
    if (score > bestScore) {
      best = form;
      bestScore = score;
    }
  }
  return /^\p{Lu}[\p{Ll}\d]*$/u.test(best) && best.length > 1 ? best.toLowerCase() : best;
}
