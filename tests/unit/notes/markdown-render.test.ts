import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import NoteMarkdownRenderer from '@/components/notes/NoteMarkdownRenderer';
import { arxivIdsIn, limitNesting } from '@/lib/notes/markdown';

const html = (text: string) => renderToStaticMarkup(createElement(NoteMarkdownRenderer, { text }));
const A = (href: string, text = href) => `<a href="${href}" target="_blank" rel="noopener noreferrer">${text}</a>`;

// react-markdown puts a newline between block elements; the expectations keep it.
describe('Markdown blocks', () => {
  it('renders paragraphs split by blank lines, and every newline inside one as a line break', () => {
    expect(html('first line\nsecond line  \n   third\n\nnext paragraph')).toBe(
      '<p>first line<br/>\nsecond line<br/>\nthird</p>\n<p>next paragraph</p>',
    );
  });

  it('renders headings of levels 1 to 3, with optional closing hashes; deeper ones and #text stay text', () => {
    expect(html('# One\n## Two ##\n### Three\n#### Four\n#nospace\n###### Six *em*')).toBe(
      '<h1>One</h1>\n<h2>Two</h2>\n<h3>Three</h3>\n<p>#### Four</p>\n<p>#nospace</p>\n<p>###### Six <em>em</em></p>',
    );
  });

  it('renders bullet lists with any of - * +, nested by indentation, tight without <p>', () => {
    expect(html('- a\n- b\n  - b1\n  - b2\n- c')).toBe(
      '<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>b1</li>\n<li>b2</li>\n</ul>\n</li>\n<li>c</li>\n</ul>',
    );
    expect(html('* star\n+ plus')).toBe('<ul>\n<li>star</li>\n</ul>\n<ul>\n<li>plus</li>\n</ul>');
  });

  it('renders numbered lists, keeping a start other than 1', () => {
    expect(html('1. one\n2. two')).toBe('<ol>\n<li>one</li>\n<li>two</li>\n</ol>');
    expect(html('3) three\n4) four')).toBe('<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>');
  });

  it('wraps list items in paragraphs when the list has blank lines (a loose list)', () => {
    expect(html('- a\n\n- b\n\n  more of b')).toBe('<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n<p>more of b</p>\n</li>\n</ul>');
  });

  it('starts a list right after a paragraph line, and continues an item with an unindented line', () => {
    expect(html('Things to check:\n- the ablation\n- table 3\nand its footnote')).toBe(
      '<p>Things to check:</p>\n<ul>\n<li>the ablation</li>\n<li>table 3<br/>\nand its footnote</li>\n</ul>',
    );
  });

  it('renders block quotes, with lazy continuation lines and nested blocks', () => {
    expect(html('> quoted\ncontinued\n>\n> - item')).toBe(
      '<blockquote>\n<p>quoted<br/>\ncontinued</p>\n<ul>\n<li>item</li>\n</ul>\n</blockquote>',
    );
  });

  it('renders fenced code blocks verbatim, with a language class, unclosed ones running to the end', () => {
    expect(html('```python\ndef f(x):\n    return x * 2  # *not* emphasis\n```\nafter')).toBe(
      '<pre><code class="language-python">def f(x):\n    return x * 2  # *not* emphasis\n</code></pre>\n<p>after</p>',
    );
    expect(html('~~~\n```\nstill code')).toBe('<pre><code>```\nstill code\n</code></pre>');
  });

  it('renders a thematic break', () => {
    expect(html('above\n\n---\n\nbelow')).toBe('<p>above</p>\n<hr/>\n<p>below</p>');
  });

  it('renders nothing for empty or blank text', () => {
    expect(html('')).toBe('');
    expect(html(' \n\n\t\n')).toBe('');
  });

  it('nests quotes and lists at most eight deep: further markers show as text, a long rule stays a rule', () => {
    expect(limitNesting('>>>>>>>>>>x')).toBe('>>>>>>>>\\>>x');
    expect(limitNesting('- - - - - - - - - a')).toBe('- - - - - - - - \\- a');
    expect(limitNesting('1. 2. 3. 4. 5. 6. 7. 8. 9. a')).toBe('1. 2. 3. 4. 5. 6. 7. 8. 9\\. a');
    expect(limitNesting('> ordinary\n- - - - - - - - - - -')).toBe('> ordinary\n- - - - - - - - - - -');
    const markup = html('>'.repeat(20));
    expect(markup.split('<blockquote>').length - 1).toBe(8);
    expect(markup).toContain('&gt;'.repeat(12));
  });
});

describe('Markdown inline', () => {
  it('renders emphasis and strong with * and _, nested either way', () => {
    expect(html('*em* _em_ **strong** __strong__ ***both*** **bold *and em***')).toBe(
      '<p><em>em</em> <em>em</em> <strong>strong</strong> <strong>strong</strong> <em><strong>both</strong></em> <strong>bold <em>and em</em></strong></p>',
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

describe('arXiv ids in a note', () => {
  it('links bare, prefixed, versioned and old-style ids to the paper, keeping the text as typed', () => {
    expect(html('see 2501.11120, arXiv:2501.11120v2 and (hep-th/9901001); also math.AG/0601001')).toBe(
      `<p>see ${A('https://arxiv.org/abs/2501.11120', '2501.11120')}, ${A('https://arxiv.org/abs/2501.11120', 'arXiv:2501.11120v2')} and (${A(
        'https://arxiv.org/abs/hep-th/9901001',
        'hep-th/9901001',
      )}); also ${A('https://arxiv.org/abs/math/0601001', 'math.AG/0601001')}</p>`,
    );
  });

  it('leaves numbers that cannot be ids, and ids inside links, code and math, alone', () => {
    const text = '1234.5678 3.14159 2501.1112 v2501.11120 2501.11120.5 foo/9901001 0704.0001';
    const at = text.indexOf('0704.0001');
    expect(arxivIdsIn(text)).toEqual([{ start: at, end: at + 9, id: '0704.0001' }]);
    expect(html('[2501.11120](https://x.org) `2501.11120` $2501.11120$')).not.toContain('arxiv.org');
    expect(html('https://arxiv.org/abs/2501.11120')).toBe(`<p>${A('https://arxiv.org/abs/2501.11120')}</p>`);
  });
});
