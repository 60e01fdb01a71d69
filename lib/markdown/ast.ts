/**
 * The syntax tree of the Markdown subset notes use. It holds text only: nothing in it is HTML,
 * and a link exists in it only with an http(s) URL (lib/markdown/safe-url.ts).
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'code'; text: string }
  /** `$…$` or `$$…$$`, delimiters included, exactly as typed: shown, never typeset. */
  | { type: 'math'; text: string }
  | { type: 'em' | 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { type: 'code'; lang: string | null; text: string }
  /** A display-math block (`$$` lines), delimiters included. */
  | { type: 'math'; text: string }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][] }
  | { type: 'quote'; children: Block[] }
  | { type: 'rule' };
