import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';

const html = (text: string) => renderToStaticMarkup(renderMarkdown(text));
const A = (href: string, text = href) => `<a href="${href}" target="_blank" rel="noopener noreferrer">${text}</a>`;

describe('Markdown blocks', () => {
  it('renders paragraphs split by blank lines, and every newline inside one as a line break', () => {
    expect(html('first line\nsecond line  \n   third\n\nnext paragraph')).toBe(
      '<p>first line<br/>second line<br/>third</p><p>next paragraph</p>',
    );
  });

  it('renders headings of levels 1 to 3, with optional closing hashes; deeper ones and #text stay text', () => {
    expect(html('# One\n## Two ##\n### Three\n#### Four\n#nospace')).toBe(
      '<h1>One</h1><h2>Two</h2><h3>Three</h3><p>#### Four<br/>#nospace</p>',
    );
  });

  it('renders bullet lists with any of - * +, nested by indentation, tight without <p>', () => {
    expect(html('- a\n- b\n  - b1\n  - b2\n- c')).toBe('<ul><li>a</li><li>b<ul><li>b1</li><li>b2</li></ul></li><li>c</li></ul>');
    expect(html('* star\n+ plus')).toBe('<ul><li>star</li></ul><ul><li>plus</li></ul>');
  });

  it('renders numbered lists, keeping a start other than 1', () => {
    expect(html('1. one\n2. two')).toBe('<ol><li>one</li><li>two</li></ol>');
    expect(html('3) three\n4) four')).toBe('<ol start="3"><li>three</li><li>four</li></ol>');
  });

  it('wraps list items in paragraphs when the list has blank lines (a loose list)', () => {
    expect(html('- a\n\n- b\n\n  more of b')).toBe('<ul><li><p>a</p></li><li><p>b</p><p>more of b</p></li></ul>');
  });

  it('starts a list right after a paragraph line, and continues an item with an unindented line', () => {
    expect(html('Things to check:\n- the ablation\n- table 3\nand its footnote')).toBe(
      '<p>Things to check:</p><ul><li>the ablation</li><li>table 3<br/>and its footnote</li></ul>',
    );
  });

  it('renders block quotes, with lazy continuation lines and nested blocks', () => {
    expect(html('> quoted\ncontinued\n>\n> - item')).toBe('<blockquote><p>quoted<br/>continued</p><ul><li>item</li></ul></blockquote>');
  });

  it('renders fenced code blocks verbatim, with a language class, unclosed ones running to the end', () => {
    expect(html('```python\ndef f(x):\n    return x * 2  # *not* emphasis\n```\nafter')).toBe(
      '<pre><code class="language-python">def f(x):\n    return x * 2  # *not* emphasis</code></pre><p>after</p>',
    );
    expect(html('~~~\n```\nstill code')).toBe('<pre><code>```\nstill code</code></pre>');
  });

  it('renders a thematic break', () => {
    expect(html('above\n\n---\n\nbelow')).toBe('<p>above</p><hr/><p>below</p>');
  });

  it('renders nothing for empty or blank text', () => {
    expect(html('')).toBe('');
    expect(html(' \n\n\t\n')).toBe('');
  });
});

describe('Markdown inline', () => {
  it('renders emphasis and strong with * and _, nested either way', () => {
    expect(html('*em* _em_ **strong** __strong__ ***both*** **bold *and em***')).toBe(
      '<p><em>em</em> <em>em</em> <strong>strong</strong> <strong>strong</strong> <strong><em>both</em></strong> <strong>bold <em>and em</em></strong></p>',
    );
  });

  it('leaves underscores inside words and lone asterisks alone', () => {
    expect(html('snake_case_name, 2 * 3 * 4, a_b')).toBe('<p>snake_case_name, 2 * 3 * 4, a_b</p>');
  });

  it('renders inline code verbatim, with longer backtick runs around backticks', () => {
    expect(html('call `f(*args, **kw)` or `` a ` b ``')).toBe('<p>call <code>f(*args, **kw)</code> or <code>a ` b</code></p>');
  });

  it('renders [text](url) links and bare URLs, leaving trailing punctuation out of the URL', () => {
    expect(html('[the paper](https://arxiv.org/abs/1706.03762) and https://huggingface.co/papers/2501.11120.')).toBe(
      `<p>${A('https://arxiv.org/abs/1706.03762', 'the paper')} and ${A('https://huggingface.co/papers/2501.11120')}.</p>`,
    );
  });

  it('keeps balanced parentheses in URLs and drops an unbalanced closing one', () => {
    expect(html('[w](https://en.wikipedia.org/wiki/Adam_(optimizer)) (see https://x.org/a_(b))')).toBe(
      `<p>${A('https://en.wikipedia.org/wiki/Adam_(optimizer)', 'w')} (see ${A('https://x.org/a_(b)')})</p>`,
    );
  });

  it('renders link text with emphasis, and <https://…> autolinks', () => {
    expect(html('[**bold** link](http://example.com "title") <https://example.org/x>')).toBe(
      `<p>${A('http://example.com/', '<strong>bold</strong> link')} ${A('https://example.org/x', 'https://example.org/x')}</p>`,
    );
  });

  it('treats a backslash before punctuation as an escape', () => {
    expect(html('\\*not em\\*, \\[not](a link), \\`not code\\`')).toBe('<p>*not em*, [not](a link), `not code`</p>');
  });
});
