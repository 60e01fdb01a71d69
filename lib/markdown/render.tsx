import { Fragment, type ReactNode } from 'react';
import type { Block, Inline } from './ast';
import { parseMarkdown } from './blocks';

/**
 * Renders a note's Markdown as React elements. Text reaches the DOM only as text nodes (React
 * escapes it), so raw HTML in a note shows as typed; links are `<a>` only for http(s) URLs and
 * open in a new tab without a referrer; math is shown as typed in `<code class="math">`.
 * The keys are positions: the tree is rebuilt from the text on every render.
 */
export function renderMarkdown(text: string): ReactNode {
  return <>{parseMarkdown(text).map((block, i) => renderBlock(block, i, false))}</>;
}

function renderInlines(nodes: Inline[]): ReactNode[] {
  return nodes.map(renderInline);
}

function renderInline(node: Inline, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return <br key={key} />;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'math':
      return (
        <code key={key} className="math">
          {node.text}
        </code>
      );
    case 'em':
      return <em key={key}>{renderInlines(node.children)}</em>;
    case 'strong':
      return <strong key={key}>{renderInlines(node.children)}</strong>;
    case 'link':
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
          {renderInlines(node.children)}
        </a>
      );
  }
}

/** `tight`: inside an item of a list without blank lines, where paragraphs are not wrapped in `<p>`. */
function renderBlock(block: Block, key: number, tight: boolean): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return tight ? <Fragment key={key}>{renderInlines(block.children)}</Fragment> : <p key={key}>{renderInlines(block.children)}</p>;
    case 'heading': {
      const Heading = `h${block.level}` as const;
      return <Heading key={key}>{renderInlines(block.children)}</Heading>;
    }
    case 'code':
      return (
        <pre key={key}>
          <code className={block.lang && /^[\w+#.-]+$/.test(block.lang) ? `language-${block.lang}` : undefined}>{block.text}</code>
        </pre>
      );
    case 'math':
      return (
        <pre key={key} className="math">
          <code className="math">{block.text}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{block.children.map((child, i) => renderBlock(child, i, false))}</blockquote>;
    case 'rule':
      return <hr key={key} />;
    case 'list': {
      const items = block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place; the list is rebuilt from text each time.
        <li key={i}>{item.map((child, j) => renderBlock(child, j, block.tight))}</li>
      ));
      if (!block.ordered) return <ul key={key}>{items}</ul>;
      return (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      );
    }
  }
}
