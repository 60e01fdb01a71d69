import { LIST_ENTRY } from '../sites/selectors';
import { queryFirstMatching } from '../sites/text';

/** A saved page that lists arXiv entries (`dt` + `dd` in `#dlpage`, either layout): an arXiv listing. */
export function isArxivListingDocument(doc: Document): boolean {
  return queryFirstMatching(doc, LIST_ENTRY).length > 0 || doc.querySelector('#dlpage') !== null;
}
