import { JSDOM } from 'jsdom';
import type { HtmlReader } from '@/lib/digest';

/** Saved pages read in Node as `npm run parse` reads them (jsdom); extension pages use DOMParser. */
export const readHtml: HtmlReader = (html) => new JSDOM(html).window.document;
