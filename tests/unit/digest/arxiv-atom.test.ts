import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigestText } from '@/lib/digest';
import { decodeEntities, findElements, textContent } from '@/lib/digest/xml';
import { readHtml } from '../../support/html';
import { SHARED } from '../../support/paths';
import { refusal } from '../../support/refusal';

const TODAY = new Date('2026-11-22T12:00:00Z');
const XML = join(SHARED, 'fixtures/feeds/arxiv-api-xml');
const OLD = 'api-query-cat-cs.RO-neural-2025-10-17-oldformat.xml';
const NEW = 'api-query-all-attention-2026-03-26-newformat-complete.xml';
const BIG = 'api-query-2026-07-24-newformat-entries-good-feed.xml';

function readFeed(name: string): string {
  return readFileSync(join(XML, name), 'utf8');
}

const feed = (entries: string, header = '<updated>2026-01-02T00:00:00Z</updated>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${header}\n${entries}</feed>\n`;

describe('arXiv API Atom feeds', () => {
  it('reads the old (2025) layout: 2 entries, wrapped title joined, version stripped, feed <updated> as date', () => {
    const digest = parseDigestText(OLD, readFeed(OLD), TODAY);
    expect(digest.format).toBe('arxiv-atom');
    expect(digest.digestDate).toEqual({ raw: '2025-10-17T00:00:00-04:00', iso: '2025-10-17' });
    expect(digest.papers).toHaveLength(2);
    expect(digest.papers[0]).toMatchObject({
      title: 'RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks',
      arxivId: '2510.14968',
      authors: 4,
      published: { raw: '2025-10-16T17:59:37Z', iso: '2025-10-16' },
      upvotes: 0,
      line: 14,
    });
    expect(digest.papers[0]?.abstract.startsWith('To tackle long-horizon tasks, recent hierarchical vision-language-action (VLAs)')).toBe(
      true,
    );
    expect(digest.papers[1]).toMatchObject({
      title: 'Neural Implicit Flow Fields for Spatio-Temporal Motion Mapping',
      arxivId: '2510.14827',
      authors: 6,
    });
  });

  it('keeps every <author><name> in order beside the count', () => {
    const digest = parseDigestText(OLD, readFeed(OLD), TODAY);
    expect(digest.papers[0]?.authorNames).toEqual(['Mingxuan Yan', 'Yuping Wang', 'Zechun Liu', 'Jiachen Li']);
    expect(digest.papers[1]?.authorNames?.slice(0, 3)).toEqual(['Yufei Zhu', 'Shih-Min Yang', 'Andrey Rudenko']);
    expect(digest.papers.every((p) => p.authorNames?.length === p.authors)).toBe(true);
  });

  it('reads the new (2026) layout: 3 entries, unicode titles', () => {
    const digest = parseDigestText(NEW, readFeed(NEW), TODAY);
    expect(digest.digestDate).toEqual({ raw: '2026-03-26T07:27:39Z', iso: '2026-03-26' });
    expect(digest.papers.map((p) => p.arxivId)).toEqual(['2002.00741', expect.any(String), '1112.2954']);
    expect(digest.papers[0]).toMatchObject({
      title: 'Déjà vu: A Contextualized Temporal Attention Mechanism for Sequential Recommendation',
      authors: 3,
      published: { raw: '2020-01-29T20:27:42Z', iso: '2020-01-29' },
      line: 12,
    });
    expect(digest.papers[2]?.title).toBe('Synthesis of Spherical 4R Mechanism for Path Generation using Differential Evolution');
  });

  it('reads the 391 entries of a feed saved without its header, dated by its latest entry', () => {
    const digest = parseDigestText(BIG, readFeed(BIG), TODAY);
    expect(digest.papers).toHaveLength(391);
    expect(new Set(digest.papers.map((p) => p.arxivId)).size).toBe(391);
    expect(digest.digestDate).toEqual({ raw: '2026-07-24T17:59:57Z', iso: '2026-07-24' });
    expect(digest.papers[0]).toMatchObject({
      title: 'Skill Self-Play: Pushing the Frontier of LLM Capability with Co-Evolving Skills',
      arxivId: '2607.22529',
      authors: 13,
      line: 5,
    });
    expect(digest.papers.at(-1)).toMatchObject({ title: 'Context-weighted Discrete Flow Matching', arxivId: '2607.21427', authors: 3 });
  });

  it('decodes entities, numeric references and CDATA, and ignores tags inside comments', () => {
    const digest = parseDigestText(
      'e.xml',
      feed(
        `<entry><!-- <title>not this</title> --><id>https://arxiv.org/abs/hep-th/9901001v2</id>
<title>A &amp; B &lt;x&gt; &quot;q&quot; &apos;s&apos; &#233;&#x301; <![CDATA[<raw> & more]]></title>
<summary>  Line one
  line two  </summary><author><name>A</name></author><published>1999-01-01T00:00:00Z</published></entry>\n`,
      ),
      TODAY,
    );
    expect(digest.papers[0]).toMatchObject({
      title: 'A & B <x> "q" \'s\' \u00e9\u0301 <raw> & more',
      abstract: 'Line one line two',
      arxivId: 'hep-th/9901001',
      authors: 1,
      line: 5,
    });
    expect(digest.digestDate.iso).toBe('2026-01-02');
  });

  it('refuses a feed with zero entries, an entry without an arXiv id, a cut feed and an API error', () => {
    const empty = refusal(() => parseDigestText('empty.xml', feed(''), TODAY));
    expect(empty.message).toBe('empty.xml:2: this arXiv Atom feed has no entries (did the query match no papers?): nothing to import');
    expect(refusal(() => parseDigestText('x.xml', feed('<entry><id>urn:x</id><title>T</title></entry>'), TODAY)).reason).toBe(
      'entry 1: expected an <id> like http://arxiv.org/abs/2501.11120v1, found "urn:x"',
    );
    const cut = readFeed(OLD).slice(0, 3000);
    expect(refusal(() => parseDigestText('cut.xml', cut, TODAY)).reason).toBe('entry 1 has no </entry>: the file looks truncated');
    const apiError = feed(
      '<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary></entry>',
    );
    expect(refusal(() => parseDigestText('err.xml', apiError, TODAY)).reason).toBe(
      'the arXiv API answered with an error, not papers: "incorrect id format for 1234"',
    );
  });

  it('still refuses HTML and XML that is not an Atom feed', () => {
    expect(refusal(() => parseDigestText('p.html', '<!doctype html><p>hi</p>', TODAY, readHtml)).reason).toMatch(/^this is HTML or XML/);
    expect(refusal(() => parseDigestText('r.xml', '<?xml version="1.0"?><rss><channel/></rss>', TODAY)).reason).toMatch(
      /^this is HTML or XML/,
    );
  });
});

describe('the small XML reader', () => {
  it('decodes the predefined entities and numeric references, leaving unknown ones', () => {
    expect(decodeEntities('&amp;lt; &lt;&gt;&quot;&apos; &#65;&#x42; &nbsp; &#0;')).toBe('&lt; <>"\' AB &nbsp; &#0;');
  });

  it('finds elements with attributes, self-closing ones, and text with CDATA', () => {
    const [a, b] = findElements('<x><link href="a&amp;b" rel=\'alt\'/><link href="c">t</link></x>', 'link');
    expect(a).toMatchObject({ attributes: { href: 'a&b', rel: 'alt' }, inner: '', closed: true });
    expect(b).toMatchObject({ attributes: { href: 'c' }, inner: 't', closed: true });
    expect(textContent('a<b>b</b><![CDATA[&amp;]]>&amp;')).toBe('ab&amp;&');
    expect(findElements('<entry><id>1</id>', 'entry')[0]?.closed).toBe(false);
  });
});
