import { isValidElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, renderMarkdown, safeHref } from '@/lib/markdown';

const html = (text: string) => renderToStaticMarkup(renderMarkdown(text));

/** Every element type and prop name in a rendered tree. */
function elementsOf(node: ReactNode, found: { types: Set<string>; props: Set<string> } = { types: new Set(), props: new Set() }) {
  if (Array.isArray(node)) for (const child of node) elementsOf(child, found);
  else if (isValidElement<Record<string, unknown>>(node)) {
    if (typeof node.type === 'string') found.types.add(node.type);
    for (const prop of Object.keys(node.props)) if (prop !== 'children') found.props.add(prop);
    elementsOf(node.props.children as ReactNode, found);
  }
  return found;
}

describe('Markdown from hostile notes', () => {
  it('shows raw HTML as text: a <script> is no element', () => {
    expect(html('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('shows an <img onerror> as text, with no img element and no onerror attribute', () => {
    const text = '<img src=x onerror="alert(1)"> and <a href="javascript:alert(1)">x</a>';
    expect(html(text)).toBe(
      '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; and &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>',
    );
    const { types, props } = elementsOf(renderMarkdown(text));
    expect([...types]).toEqual(['p']);
    expect([...props]).toEqual([]);
  });

  it('keeps a javascript: link as its text, with no <a>', () => {
    expect(html('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
  });

  it('makes links only of http(s) URLs: data:, vbscript:, file:, relative and protocol-relative ones stay text', () => {
    const hostile = [
      '[a](data:text/html,<script>alert(1)</script>)',
      '[b](vbscript:msgbox)',
      '[c](file:///etc/passwd)',
      '[d](/relative/path)',
      '[e](//evil.example)',
      '[f](JaVaScRiPt:alert(1))',
      '[g]( javascript:alert(1))',
    ];
    for (const text of hostile) expect(html(text)).not.toContain('<a');
    expect(html('<javascript:alert(1)>')).toBe('<p>&lt;javascript:alert(1)&gt;</p>');
  });

  it('gives every link target=_blank and rel="noopener noreferrer", and no other attribute', () => {
    const { types, props } = elementsOf(renderMarkdown('[a](https://a.org) https://b.org <https://c.org>'));
    expect([...types].sort()).toEqual(['a', 'p']);
    expect([...props].sort()).toEqual(['href', 'rel', 'target']);
  });

  it('produces only the elements of the Markdown subset, whatever the input', () => {
    const text = [
      '<div onclick=x><iframe src=//x></iframe><style>*{}</style><svg onload=x>',
      '# h <b>b</b>',
      '- [x](javascript:x) *<i>i</i>*',
      '> `<code>` $<math>$',
      '```html\n<script>x</script>\n```',
    ].join('\n\n');
    const { types, props } = elementsOf(renderMarkdown(text));
    const allowed = ['a', 'blockquote', 'br', 'code', 'em', 'h1', 'h2', 'h3', 'hr', 'li', 'ol', 'p', 'pre', 'strong', 'ul'];
    for (const type of types) expect(allowed).toContain(type);
    for (const prop of props) expect(['className', 'start', 'href', 'target', 'rel']).toContain(prop);
    expect(html(text)).not.toMatch(/<(script|iframe|style|svg|div|img|b|i|math)[\s>]/);
  });

  it('keeps the href as the URL parser normalises it, so the scheme checked is the scheme used', () => {
    expect(safeHref('https://arxiv.org/abs/1706.03762')).toBe('https://arxiv.org/abs/1706.03762');
    expect(safeHref('HTTP://Example.ORG')).toBe('http://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('\u0000javascript:alert(1)')).toBeNull();
    expect(safeHref('https://')).toBeNull();
  });
});

describe('math in notes', () => {
  it('keeps $…$ and $$…$$ as typed in <code class="math">, underscores and asterisks included', () => {
    expect(html('loss $L = \\sum_i w_i * x_i$ and $$a_1 * b_1$$ here')).toBe(
      '<p>loss <code class="math">$L = \\sum_i w_i * x_i$</code> and <code class="math">$$a_1 * b_1$$</code> here</p>',
    );
  });

  it('does not let emphasis start or end inside math', () => {
    expect(html('*before $a*b$ after*')).toBe('<p><em>before <code class="math">$a*b$</code> after</em></p>');
    expect(html('_x $y_z$ w_')).toBe('<p><em>x <code class="math">$y_z$</code> w</em></p>');
    expect(html('$a_1$ and $b_2$')).toBe('<p><code class="math">$a_1$</code> and <code class="math">$b_2$</code></p>');
  });

  it('renders a $$ block over several lines as preformatted math', () => {
    expect(html('Objective:\n$$\n\\min_\\theta \\; \\mathbb{E}_{x}[\\ell(x; \\theta)]\n$$\nwhere *x* is data')).toBe(
      '<p>Objective:</p><pre class="math"><code class="math">$$\n\\min_\\theta \\; \\mathbb{E}_{x}[\\ell(x; \\theta)]\n$$</code></pre><p>where <em>x</em> is data</p>',
    );
  });

  it('leaves prices alone: no space inside the dollars, none followed by a digit', () => {
    expect(html('costs $5 and $10, or $ 3 $')).toBe('<p>costs $5 and $10, or $ 3 $</p>');
  });

  it('keeps an escaped dollar as a dollar', () => {
    expect(html('\\$x$ is not math')).toBe('<p>$x$ is not math</p>');
  });
});

describe('Markdown on large or adversarial notes', () => {
  const timed = (text: string) => {
    const start = performance.now();
    parseMarkdown(text);
    return performance.now() - start;
  };

  it('parses 100 KB of unmatched delimiters, brackets and nested quotes in well under a second each', () => {
    for (const text of [
      '*a '.repeat(33_000),
      '**a _b '.repeat(14_000),
      '`a '.repeat(33_000),
      '[a]('.repeat(25_000),
      '>'.repeat(100_000),
      '$a '.repeat(33_000),
    ]) {
      expect(timed(text)).toBeLessThan(1500);
    }
  });

  it('still renders ordinary formatting all through a long note', () => {
    const line = 'Some **bold**, *em*, `code`, $x_1$ and [a link](https://x.org).';
    const markup = html(Array.from({ length: 1500 }, () => line).join('\n\n'));
    expect(markup.split('<strong>bold</strong>').length - 1).toBe(1500);
    expect(markup.split('<code class="math">$x_1$</code>').length - 1).toBe(1500);
  });
});
