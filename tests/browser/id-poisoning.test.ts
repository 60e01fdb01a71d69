/**
 * Issue 9, point 3: a citation cannot re-point a paper. An arXiv HTML page cites paper X (in the
 * digests, known by title only) under a wrong arXiv id; visiting it teaches DigestLens nothing, and
 * X's own page still shows X's badge. Only X's own record (its abstract page) teaches its id.
 */
import { describe, expect, it } from 'vitest';
import { OurUi, sessionForThisFile } from './session';
import { fixtureDigestPapers, openSitePage, pageHtml, SITE_PAGES } from './site-pages';
import { storedRows } from './stored-rows';

const WAIT = { timeout: 15_000 };
const { absPaper } = fixtureDigestPapers();
const X_TITLE = absPaper?.title ?? '';
/** The id the hostile page gives X: that of another paper (the one its reference really cites). */
const WRONG_ID = '2309.14402';
const X_ID = '2609.22268';

/** The saved HTML paper, with reference 2 now citing X's title under the wrong id (a typo, or on purpose). */
function hostileHtml(): string {
  const html = pageHtml(SITE_PAGES.html);
  const cited = 'Physics of language models: Part 3.2, knowledge manipulation.';
  if (!html.includes(cited)) throw new Error('the saved HTML page no longer has the reference this test rewrites');
  return html.replace(cited, `${X_TITLE}.`);
}

async function storedX(): Promise<{ id: string; arxivId: string | null } | undefined> {
  const { papers = [] } = await storedRows(current(), ['papers']);
  return (papers as Array<{ id: string; title: string; arxivId: string | null }>).find((p) => p.title === X_TITLE);
}

const current = sessionForThisFile({ digests: 'fixtures' });

describe('an arXiv HTML page citing a digest paper under a wrong id', () => {
  it('teaches nothing; the paper keeps its badge on its own page, which alone teaches its id', async () => {
    expect(X_TITLE).not.toBe('');
    const before = await storedX();
    expect(before).toMatchObject({ arxivId: null });

    const hostile = await openSitePage(current(), SITE_PAGES.html, hostileHtml());
    const hostileUi = await OurUi.of(hostile);
    // The lookup ran: the page's badges are shown (the cited title among them).
    await expect.poll(() => hostileUi.count('[data-testid=digestlens-badge]'), WAIT).toBeGreaterThan(0);
    await hostile.waitForTimeout(2000);
    await hostileUi.detach();
    await hostile.close();
    expect(await storedX()).toEqual(before);

    // X's own page: its badge is there, and this record (the site's own, same title) teaches the id.
    const own = await openSitePage(current(), SITE_PAGES.absNew);
    const ownUi = await OurUi.of(own);
    await expect.poll(() => ownUi.count('[data-testid=digestlens-badge]'), WAIT).toBe(1);
    await expect.poll(async () => (await storedX())?.arxivId, WAIT).toBe(X_ID);
    expect((await storedX())?.id).toBe(before?.id);
    await ownUi.detach();
    await own.close();
    expect(WRONG_ID).not.toBe(X_ID);
  });
});
