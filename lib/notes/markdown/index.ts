/** A note's Markdown: the pure rules (what may be a link, what stays text) and the plugin order. */
export { arxivIdsIn, remarkArxivLinks } from './arxiv-links';
export { limitNesting } from './nesting';
export { NOTE_REHYPE_PLUGINS, NOTE_REMARK_PLUGINS, noteUrlTransform } from './pipeline';
export { safeHref } from './safe-url';
