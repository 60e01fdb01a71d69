/**
 * Hostile data (issue 5, item 3): a digest whose titles and abstracts are script, HTML, Markdown
 * and `javascript:` injections, imported through the popup, must show as literal text in the
 * popup, the Library page, the arXiv abstract page's badge and related panel, and (typed into a
 * note) the note editor's preview; nothing it holds may run or become markup anywhere. Also the
 * static side: no HTML-from-string APIs in the source, and the built manifest's permissions and
 * CSP. Needs `npx wxt build` first.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, REPO_ROOT } from './harness';
import { openPaperNote } from './paper-note';
import { artifact, OurUi, sessionForThisFile } from './session';
import { digestText, openSitePage, papersOn, SITE_PAGES } from './site-pages';

const WAIT = { timeout: 15_000 };

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=2">';
const MD_LINK = '[click](javascript:window.__pwned=3)';
const JS_URL = 'javascript:alert(1)';
const MORE_HTML =
  '"><svg onload="window.__pwned=4"><a href="javascript:window.__pwned=5">x</a><iframe srcdoc="<script>parent.__pwned=6</script>">';
const MARKDOWN = '**bold** ![img](https://x.invalid/a.png) <b onclick="window.__pwned=7">b</b>';

const absPaper = papersOn(SITE_PAGES.absNew)[0];
if (!absPaper?.abstract) throw new Error('the saved abstract page shows no abstract');
/** The abstract page's own words, so that every hostile paper is related to it and shows in its panel. */
const absWords = absPaper.abstract;

/** Titles as the digest gives them; each is distinct in letters and digits so each is its own paper. */
const HOSTILE_TITLES = [
  `${SCRIPT} Hostile Script Titles for Distributed Reasoning`,
  `${IMG} Hostile Image Handlers in Abstract Pages`,
  `${MD_LINK} Hostile Markdown Links`,
  `${JS_URL} Hostile Bare URLs`,
  `${MORE_HTML} Hostile Markup Soup`,
  `${MARKDOWN} Hostile Markdown Emphasis`,
];

const HOSTILE_PAPERS = [
  // The abstract page's own paper, by its exact title (so it gets a badge), with a hostile abstract.
  { title: absPaper.title, abstract: `${absWords} ${SCRIPT} ${IMG}` },
  ...HOSTILE_TITLES.map((title, i) => ({
    title,
    abstract: `${absWords} ${[SCRIPT, IMG, MD_LINK, JS_URL, MORE_HTML, MARKDOWN][(i + 1) % 6]} ${JS_URL}`,
  })),
];

/** The words every hostile title ends with, to find it in rendered text however the markup part was spaced. */
const titleTail = (title: string) => title.replace(/^.*? (Hostile .*)$/, '$1');

/**
 * What is inside our UI in a document: every open shadow root of our hosts (digestlens-*), walked
 * recursively, or the whole document for an extension page. Counts what must never be there.
 */
interface UiAudit {
  scripts: number;
  images: number;
  iframes: number;
  svgs: number;
  onAttributes: string[];
  hrefs: string[];
  text: string;
  pwned: unknown;
}

function auditScope(scope: 'ours' | 'document' | ShadowRoot): UiAudit {
  const roots: Array<Document | ShadowRoot | Element> = [];
  const visit = (root: Document | ShadowRoot | Element) => {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
        visit(element.shadowRoot);
      }
    }
  };
  if (scope === 'document') {
    roots.push(document);
    visit(document);
  } else if (typeof scope !== 'string') {
    // One of our closed roots, handed over by OurUi (a page script cannot reach it).
    roots.push(scope);
    visit(scope);
  } else {
    for (const host of Array.from(document.querySelectorAll('digestlens-badge, digestlens-marker, digestlens-panel'))) {
      if (host.shadowRoot) {
        roots.push(host.shadowRoot);
        visit(host.shadowRoot);
      }
    }
  }
  const audit = {
    scripts: 0,
    images: 0,
    iframes: 0,
    svgs: 0,
    onAttributes: [] as string[],
    hrefs: [] as string[],
    text: '',
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
  };
  for (const root of roots) {
    // An extension page's own bundle is a <script src> in its <head>; data could only land in the body.
    audit.scripts += (root instanceof Document ? root.body : root).querySelectorAll('script').length;
    audit.images += root.querySelectorAll('img, image').length;
    audit.iframes += root.querySelectorAll('iframe, object, embed').length;
    audit.svgs += root.querySelectorAll('svg').length;
    for (const element of Array.from(root.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) audit.onAttributes.push(`${element.tagName} ${attribute.name}`);
        if (/^\s*javascript:/i.test(attribute.value)) audit.onAttributes.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
      }
    }
    for (const a of Array.from(root.querySelectorAll('a'))) audit.hrefs.push(a.getAttribute('href') ?? '');
    audit.text += ` ${root instanceof Document ? root.body.textContent : root.textContent}`;
  }
  return audit;
}

/** Asserts the common rules on an audit: nothing ran, no markup from data, links only https. */
function expectInert(audit: UiAudit, where: string, options: { allowFragmentLinks?: boolean } = {}) {
  expect(audit.pwned, `${where}: window.__pwned`).toBeUndefined();
  expect(audit.scripts, `${where}: <script> elements`).toBe(0);
  expect(audit.images, `${where}: <img> elements`).toBe(0);
  expect(audit.iframes, `${where}: <iframe>/<object>/<embed> elements`).toBe(0);
  expect(audit.svgs, `${where}: <svg> elements`).toBe(0);
  expect(audit.onAttributes, `${where}: on* attributes or javascript: values`).toEqual([]);
  for (const href of audit.hrefs) {
    if (options.allowFragmentLinks && href === '#') continue;
    expect(new URL(href).protocol, `${where}: link ${href}`).toBe('https:');
  }
}

/** Every one of our closed roots in `tab`, audited together. */
async function auditOurs(tab: Page): Promise<UiAudit> {
  const ui = await OurUi.of(tab);
  const audits = await ui.inEachRoot(auditScope);
  await ui.detach();
  return {
    scripts: audits.reduce((n, a) => n + a.scripts, 0),
    images: audits.reduce((n, a) => n + a.images, 0),
    iframes: audits.reduce((n, a) => n + a.iframes, 0),
    svgs: audits.reduce((n, a) => n + a.svgs, 0),
    onAttributes: audits.flatMap((a) => a.onAttributes),
    hrefs: audits.flatMap((a) => a.hrefs),
    text: audits.map((a) => a.text).join(' '),
    pwned: await tab.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
  };
}

describe('hostile digest text', () => {
  const current = sessionForThisFile({ digests: 'none' });
  const dialogs: string[] = [];

  beforeAll(async () => {
    const session = current();
    // An alert() from any injected `javascript:alert(1)` would show up here.
    session.context.on('page', (page) =>
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'digestlens-hostile-'));
    const file = join(dir, 'hostile-digest.txt');
    writeFileSync(file, digestText('Nov 22', HOSTILE_PAPERS));
    const popup = await current().openPage('popup.html#library');
    await popup.setInputFiles('[data-testid=file-input]', [file]);
    await popup.waitForSelector('[data-testid=import-progress][data-running=false]', { timeout: 30_000 });
    expect(await popup.getByTestId('paper-count').textContent()).toBe(String(HOSTILE_PAPERS.length));
    await popup.close();
  });
  afterAll(() => {
    expect(dialogs).toEqual([]);
  });

  async function expectSearchShowsLiterally(page: Page, where: string) {
    await page.getByTestId('search-input').fill('Hostile');
    const results = page.getByTestId('search-result');
    await expect.poll(() => results.count(), WAIT).toBe(HOSTILE_TITLES.length);
    const texts = (await results.allTextContents()).join('\n');
    for (const title of HOSTILE_TITLES) {
      expect(texts, `${where} shows "${title}" as text`).toContain(title);
    }
    const audit = await page.evaluate(auditScope, 'document' as const);
    // Queue titles of unknown papers link to '#'; no such row here, but the rule allows it.
    expectInert(audit, where, { allowFragmentLinks: true });
  }

  it('shows hostile titles as text in the popup’s Library search', async () => {
    const popup = await current().openPage('popup.html#library', { width: 460, height: 700 });
    await expectSearchShowsLiterally(popup, 'popup');
    await popup.screenshot({ path: artifact('hostile-popup.png') });
    await popup.close();
  });

  it('shows hostile titles as text on the Library page, in its search and its digest list', async () => {
    const library = await current().openPage('library.html#library');
    await expectSearchShowsLiterally(library, 'library page');
    expect(await library.getByTestId('digest-row').count()).toBe(1);
    expect(await current().worker.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await library.close();
  });

  it('keeps the abstract page’s badge, related panel and note preview inert and literal', async () => {
    const tab = await openSitePage(current(), SITE_PAGES.absNew);
    const pageErrors: string[] = [];
    tab.on('pageerror', (e) => pageErrors.push(e.message));
    const ui = await OurUi.of(tab);
    await expect.poll(() => ui.count('[data-testid=digestlens-panel][data-state=ready]'), WAIT).toBe(1);
    await expect.poll(() => tab.locator('digestlens-badge').count(), WAIT).toBe(1);
    await ui.click('[data-testid=digestlens-related-more]');
    // Every hostile paper shares the page's abstract, so all of them are related; the page's own is excluded.
    await expect.poll(() => ui.count('[data-testid=digestlens-related-item]', 'digestlens-panel'), WAIT).toBe(HOSTILE_TITLES.length);
    const shown = await ui.texts('[data-testid=digestlens-related-item] .title', 'digestlens-panel');
    for (const title of HOSTILE_TITLES) {
      expect(
        shown.some((t) => t.includes(titleTail(title)) && t.includes(title.slice(0, 12))),
        `panel shows "${title}" as text`,
      ).toBe(true);
    }
    expect(shown.join('\n')).toContain(SCRIPT);
    expect(shown.join('\n')).toContain(IMG);
    expect(shown.join('\n')).toContain(MD_LINK);
    const ours = await auditOurs(tab);
    expectInert(ours, 'abstract page UI');
    expect(ours.hrefs.length).toBeGreaterThan(0);
    // And the page's own scripts see none of it: our roots are closed, our hosts carry no state.
    expect(await tab.evaluate(auditScope, 'ours' as const)).toMatchObject({ hrefs: [], text: '' });
    expect(
      await tab.evaluate(() =>
        Array.from(document.querySelectorAll('digestlens-badge, digestlens-marker, digestlens-panel')).flatMap((host) =>
          host.shadowRoot !== null || host.getAttributeNames().some((name) => name.startsWith('data-')) ? [host.localName] : [],
        ),
      ),
    ).toEqual([]);
    // The host page's main world saw nothing run either.
    expect(await tab.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

    // The note editor (collapsed to "✎ Add a note" until used): the hostile strings typed into a note show in the preview as typed.
    const noteText = await openPaperNote(tab);
    const frame = tab.frameLocator('iframe[src*="note-editor.html"]');
    const note = [`# ${SCRIPT}`, IMG, MD_LINK, `[ok](${JS_URL})`, MORE_HTML, MARKDOWN, '[safe](https://arxiv.org/abs/2609.22268)'].join(
      '\n\n',
    );
    await noteText.fill(note);
    await frame.getByTestId('note-tab-preview').click();
    const preview = frame.getByTestId('note-preview');
    await preview.waitFor(WAIT);
    // The renderer is a lazy chunk: its first heading says it has arrived.
    await preview.locator('h1').waitFor(WAIT);
    const previewText = (await preview.textContent()) ?? '';
    // (Markdown does apply: `__pwned=4"><a href="javascript:window.__` is strong text, so check the tags.)
    for (const literal of [SCRIPT, IMG, MD_LINK, '<b onclick="window.__pwned=7">b</b>', '<svg onload=', '<iframe srcdoc="<script>']) {
      expect(previewText, `preview shows ${literal} as text`).toContain(literal);
    }
    const editor = tab.frames().find((f: Frame) => f.url().includes('note-editor.html'));
    if (!editor) throw new Error('no note editor frame');
    const inFrame = await editor.evaluate(auditScope, 'document' as const);
    expectInert(inFrame, 'note editor');
    // Only the note's https link; the javascript: ones stayed text, and `![img](…)` is its alt text, never an <img>.
    expect(inFrame.hrefs).toEqual(['https://arxiv.org/abs/2609.22268']);
    await tab.screenshot({ path: artifact('hostile-abs-page.png'), fullPage: true });

    expect(await tab.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
    await tab.close();
  });
});

/** Source files of the product (tests excluded), relative to the repository. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|jsx|mjs|html)$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
    }
  };
  for (const dir of ['lib', 'components', 'entrypoints']) walk(join(REPO_ROOT, dir));
  return files;
}

describe('static checks: source and built manifest', () => {
  it('uses no HTML-from-string or code-from-string API anywhere in lib/, components/ or entrypoints/', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(20);
    const banned =
      /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|\beval\s*\(|new\s+Function\b|setTimeout\(\s*['"`]|createContextualFragment/;
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (banned.test(line) ? [`${relative(REPO_ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('asks for storage, alarms and the two sites only (a sync server only optionally), and keeps a strict CSP for extension pages', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms']);
    expect(manifest.host_permissions).toEqual(['https://arxiv.org/*', 'https://huggingface.co/*']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // Granted only when the user connects a sync server, and then only for that server's origin.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    expect(manifest.externally_connectable).toBeUndefined();
    for (const script of manifest.content_scripts) {
      expect(script.matches.every((m: string) => m === 'https://arxiv.org/*' || m === 'https://huggingface.co/*')).toBe(true);
    }
    const csp: string = manifest.content_security_policy?.extension_pages ?? '';
    const scriptSrc = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*|https?:/);
    expect(csp).toMatch(/object-src 'self'|object-src 'none'/);
  });
});
