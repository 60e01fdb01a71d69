/**
 * What a newcomer sees after the first import: the popup's next step, the summary chip on every
 * list page ("3 of 200 here are in your digests", and "0 of 44") with its list and ‹ › jumps, and
 * the keyboard walk (j/k/q/n/?), never while typing, off when the setting is. Real saved pages at
 * their real URLs; the sample digests and the digest of fixture papers. Needs `npx wxt build`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchSession, OurUi, sessionForThisFile } from './session';
import { fixtureDigestPapers, openSitePage, SITE_PAGES } from './site-pages';

const WAIT = { timeout: 20_000 };
const CHIP = '[data-testid=digestlens-summary]';
const POSITION = '[data-testid=digestlens-summary-position]';
const { searched, searchedFuzzy } = fixtureDigestPapers();

/** Indexes (among `selector`) of the titles the keyboard walk has outlined. */
function outlined(tab: Page, selector: string): Promise<number[]> {
  return tab.evaluate(
    (s) => [...document.querySelectorAll<HTMLElement>(s)].flatMap((e, i) => (e.style.getPropertyValue('outline') ? [i] : [])),
    selector,
  );
}

/** The vertical middle of an element, as a fraction of the window's height. */
function middleInWindow(tab: Page, selector: string, index: number): Promise<number> {
  return tab.evaluate(
    ([s, i]) => {
      const box = document.querySelectorAll(s as string)[i as number]?.getBoundingClientRect();
      return box ? (box.top + box.height / 2) / innerHeight : -1;
    },
    [selector, index] as const,
  );
}

describe('the first run', () => {
  it('after the sample import, the popup says what to do next', async () => {
    const session = await launchSession({ digests: 'none' });
    try {
      const popup = await session.openPage('popup.html#library');
      await popup.getByTestId('import-samples').click();
      await popup.waitForSelector('[data-testid=import-progress][data-running=false]', WAIT);
      const next = (await popup.getByTestId('next-steps').textContent()) ?? '';
      expect(next).toMatch(
        /^Next: open today's Hugging Face Daily Papers or an arXiv listing such as cs\.LG\/new and click \+ Add this page to my digests/,
      );
      expect(next).toContain('"3 of 200 here are in your digests"');
    } finally {
      await session.close();
    }
  });
});

describe('the summary chip and the keyboard walk', () => {
  const current = sessionForThisFile({ digests: 'fixtures' });

  it('says how many of a page’s papers are in the digests, also when none are', async () => {
    const expected: Array<[keyof typeof SITE_PAGES, string]> = [
      ['search', '3 of 200 here are in your digests'],
      ['listNew', '2 of 5 here are in your digests'],
      ['listLegacy', '0 of 44 here are in your digests'],
      ['hfDaily', '2 of 28 here are in your digests'],
    ];
    for (const [name, text] of expected) {
      const tab = await openSitePage(current(), SITE_PAGES[name]);
      const ui = await OurUi.of(tab);
      await expect.poll(async () => (await ui.texts(CHIP, 'digestlens-summary'))[0], WAIT).toBe(text);
      await tab.close();
    }
  });

  it('opens the list of those papers and jumps between them with ‹ ›', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.search);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count(CHIP, 'digestlens-summary'), WAIT).toBe(1);
    await ui.click(CHIP, 0, 'digestlens-summary');
    const items = await ui.texts('[data-testid=digestlens-summary-item]', 'digestlens-summary');
    expect(items).toEqual([searched[0]?.title, searched[49]?.title, searchedFuzzy?.title]);
    const jumps: Array<[string, string, number]> = [
      ['next', '1/3', 0],
      ['next', '2/3', 49],
      ['next', '3/3', 99],
      ['next', '1/3', 0],
      ['previous', '3/3', 99],
    ];
    for (const [button, position, result] of jumps) {
      await ui.click(`[data-testid=digestlens-summary-${button}]`, 0, 'digestlens-summary');
      await expect.poll(async () => (await ui.texts(POSITION, 'digestlens-summary'))[0], WAIT).toBe(position);
      // The paper's title is brought to the middle of the window.
      const middle = await middleInWindow(tab, 'li.arxiv-result p.title', result);
      expect(middle).toBeGreaterThan(0.3);
      expect(middle).toBeLessThan(0.7);
    }
    await ui.click('[data-testid=digestlens-summary-item]', 1, 'digestlens-summary');
    await expect.poll(async () => (await ui.texts(POSITION, 'digestlens-summary'))[0], WAIT).toBe('2/3');
    await tab.close();
  });

  it('walks a listing with j and k, queues with q, shows the keys with ?, and ignores keys typed in a field', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.listNew);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count('[data-testid=digestlens-badge]', 'digestlens-badge'), WAIT).toBe(2);
    await tab.locator('body').click({ position: { x: 5, y: 5 } });
    const titles = '#dlpage .list-title';
    await tab.keyboard.press('j');
    await expect.poll(() => outlined(tab, titles), WAIT).toEqual([0]);
    await tab.keyboard.press('j');
    await tab.keyboard.press('j');
    await expect.poll(() => outlined(tab, titles), WAIT).toEqual([2]);
    await tab.keyboard.press('k');
    await tab.keyboard.press('k');
    await expect.poll(() => outlined(tab, titles), WAIT).toEqual([0]);
    // Paper 1 (the abstract page's paper) is in the digests: q queues it, as its badge shows.
    const queueButton = '[data-testid=digestlens-queue-toggle]';
    expect((await ui.all(queueButton, 'digestlens-badge'))[0]?.attributes['data-queued']).toBe('false');
    await tab.keyboard.press('q');
    await expect.poll(async () => (await ui.all(queueButton, 'digestlens-badge'))[0]?.attributes['data-queued'], WAIT).toBe('true');
    await tab.keyboard.press('q');
    await expect.poll(async () => (await ui.all(queueButton, 'digestlens-badge'))[0]?.attributes['data-queued'], WAIT).toBe('false');
    await tab.keyboard.press('?');
    await expect.poll(() => ui.texts('[data-testid=digestlens-keys] dt', 'digestlens-keys'), WAIT).toEqual(['j', 'k', 'q', 'n', '?']);
    await tab.keyboard.press('?');
    await expect.poll(() => ui.count('[data-testid=digestlens-keys]'), WAIT).toBe(0);
    // Typing "jjj" in a field of the page moves nothing (the saved page's own search box is hidden at this width).
    await tab.evaluate(() => {
      const field = document.createElement('input');
      field.id = 'typing-here';
      document.getElementById('dlpage')?.prepend(field);
    });
    await tab.locator('#typing-here').click();
    await tab.keyboard.type('jjj');
    await tab.waitForTimeout(500);
    expect(await outlined(tab, titles)).toEqual([0]);
    expect(await tab.locator('#typing-here').inputValue()).toBe('jjj');
    await tab.close();
  });

  it('n opens the note of the paper the walk is on', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.listNew);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count('[data-testid=digestlens-badge]', 'digestlens-badge'), WAIT).toBe(2);
    await tab.locator('body').click({ position: { x: 5, y: 5 } });
    await tab.keyboard.press('j');
    await tab.keyboard.press('j');
    await tab.keyboard.press('n');
    await expect.poll(() => tab.locator('iframe[src*="note-editor.html"]').count(), WAIT).toBe(1);
    const src = (await tab.locator('iframe[src*="note-editor.html"]').getAttribute('src')) ?? '';
    expect(new URL(src).searchParams.get('arxivId')).toBe('2609.22287');
    await tab.close();
  });

  it('stays off when the keyboard walk is switched off in the settings', async () => {
    const library = await current().openPage('library.html#settings');
    const box = library.getByTestId('setting-keyboardWalk');
    await expect.poll(() => box.isChecked(), WAIT).toBe(true);
    // The box shows the stored setting: it turns off once the write is stored.
    await box.click();
    await expect.poll(() => box.isChecked(), WAIT).toBe(false);
    await library.close();
    const tab = await openSitePage(current(), SITE_PAGES.listNew);
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count('[data-testid=digestlens-badge]', 'digestlens-badge'), WAIT).toBe(2);
    await tab.locator('body').click({ position: { x: 5, y: 5 } });
    await tab.keyboard.press('j');
    await tab.keyboard.press('?');
    await tab.waitForTimeout(800);
    expect(await outlined(tab, '#dlpage .list-title')).toEqual([]);
    expect(await ui.count('[data-testid=digestlens-keys]')).toBe(0);
    await tab.close();
  });

  it('adds nothing to arXiv pages while arXiv is switched off in the settings, and is back once it is on', async () => {
    const setArxiv = async (on: boolean) => {
      const library = await current().openPage('library.html#settings');
      const box = library.getByTestId('setting-arxivEnabled');
      await expect.poll(() => box.isChecked(), WAIT).toBe(!on);
      await box.click();
      await expect.poll(() => box.isChecked(), WAIT).toBe(on);
      await library.close();
    };
    await setArxiv(false);
    const off = await openSitePage(current(), SITE_PAGES.listNew);
    const offUi = await OurUi.of(off);
    await off.waitForTimeout(2500);
    expect(await offUi.count('[data-testid=digestlens-badge]', 'digestlens-badge')).toBe(0);
    expect(
      await off.evaluate(() => document.querySelectorAll('[data-wxt-shadow-root], digestlens-summary, digestlens-capture').length),
    ).toBe(0);
    await off.close();

    await setArxiv(true);
    const on = await openSitePage(current(), SITE_PAGES.listNew);
    const onUi = await OurUi.of(on);
    await expect.poll(() => onUi.count('[data-testid=digestlens-badge]', 'digestlens-badge'), WAIT).toBe(2);
    await on.close();
  });
});
