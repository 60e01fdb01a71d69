/**
 * DigestLens's injected UI in Firefox, as the tests see and drive it. It lives in CLOSED shadow
 * roots (the host page is hostile), which no page script can enter. WebDriver BiDi can: a node
 * serialized with `includeShadowTree: "all"` carries its closed root as a reference, and a function
 * called with that reference as `this` may query inside it. That is the test's eyes only: clicks
 * go through puppeteer's mouse at the element's box, so they are trusted, as a user's are.
 * (The Chromium suite does the same through CDP: tests/browser/session.ts, `OurUi`.)
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { BidiElementHandle } from 'puppeteer-core/internal/bidi/ElementHandle.js';
import type { BidiFrame } from 'puppeteer-core/internal/bidi/Frame.js';

/** The hosts DigestLens puts in a page: everything of ours lives in their closed shadow roots. */
export type OurHost = 'digestlens-badge' | 'digestlens-marker' | 'digestlens-panel' | 'digestlens-note' | 'digestlens-capture';
const OUR_HOSTS: OurHost[] = ['digestlens-badge', 'digestlens-marker', 'digestlens-panel', 'digestlens-note', 'digestlens-capture'];

interface SerializedNode {
  type: 'node';
  sharedId?: string;
  value?: { localName?: string; shadowRoot?: SerializedNode | null };
}

export interface OurElement {
  handle: ElementHandle<Element>;
  /** Which host's root it is in, and that host's index among the page's hosts of that name. */
  host: OurHost;
  hostIndex: number;
}

export class OurUi {
  private constructor(private readonly frame: BidiFrame) {}

  static of(tab: Page): OurUi {
    return new OurUi(tab.mainFrame() as unknown as BidiFrame);
  }

  /** The closed shadow roots of our hosts (of `host` only, when given), in page order, as handles. */
  private async roots(host?: OurHost): Promise<Array<{ root: ElementHandle<Element>; host: OurHost; hostIndex: number }>> {
    const realm = this.frame.browsingContext.defaultRealm;
    const listed = await realm.callFunction(
      `function () { return [...document.querySelectorAll(${JSON.stringify((host ? [host] : OUR_HOSTS).join(', '))})]; }`,
      false,
      { serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 }, resultOwnership: 'none' },
    );
    if (listed.type !== 'success' || listed.result.type !== 'array') throw new Error('could not list DigestLens hosts');
    const seen = new Map<OurHost, number>();
    const roots: Array<{ root: ElementHandle<Element>; host: OurHost; hostIndex: number }> = [];
    for (const node of (listed.result.value ?? []) as SerializedNode[]) {
      const name = node.value?.localName as OurHost;
      const hostIndex = seen.get(name) ?? 0;
      seen.set(name, hostIndex + 1);
      const sharedId = node.value?.shadowRoot?.sharedId;
      if (!sharedId) continue;
      const root = await realm.callFunction('function () { return this; }', false, { this: { sharedId }, resultOwnership: 'root' });
      if (root.type !== 'success') throw new Error(`could not reach the shadow root of ${name}`);
      // The internal class and the public type are declared twice over (internal/ and types.d.ts).
      const handle = BidiElementHandle.from<Element>(root.result, this.frame.mainRealm()) as unknown as ElementHandle<Element>;
      roots.push({ root: handle, host: name, hostIndex });
    }
    return roots;
  }

  /** Every element matching `selector` inside our shadow roots (of `host` only, when given), in page order. */
  async all(selector: string, host?: OurHost): Promise<OurElement[]> {
    const found: OurElement[] = [];
    for (const { root, host: name, hostIndex } of await this.roots(host)) {
      for (const handle of await root.$$(selector)) found.push({ handle, host: name, hostIndex });
      await root.dispose();
    }
    return found;
  }

  async count(selector: string, host?: OurHost): Promise<number> {
    return (await this.all(selector, host)).length;
  }

  async texts(selector: string, host?: OurHost): Promise<string[]> {
    return Promise.all((await this.all(selector, host)).map((e) => e.handle.evaluate((el) => el.textContent ?? '')));
  }

  async attribute(selector: string, name: string, index = 0, host?: OurHost): Promise<string | null> {
    const element = (await this.all(selector, host))[index];
    return element ? element.handle.evaluate((el, n) => el.getAttribute(n), name) : null;
  }

  /** Whether the `index`th match has the keyboard focus (inside its root, which the page sees as the host's). */
  async isFocused(selector: string, index = 0, host?: OurHost): Promise<boolean> {
    const element = (await this.all(selector, host))[index];
    return (await element?.handle.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)) ?? false;
  }

  /**
   * Clicks the `index`th match with the mouse at the middle of its box: a trusted click, as a
   * user's. It first scrolls the element to the middle of the view and waits until its box stops
   * moving (the saved pages' `content-visibility: auto` lays out late, shifting what follows) and
   * the point is ours: what a user's pointer there would hit is our host, not the page.
   */
  async click(selector: string, index = 0, host?: OurHost): Promise<void> {
    const element = (await this.all(selector, host))[index];
    if (!element) throw new Error(`no ${selector} #${index} in DigestLens's UI`);
    let last = '';
    for (let attempt = 0; attempt < 20; attempt++) {
      const point = await element.handle.evaluate(async (el) => {
        el.scrollIntoView({ block: 'center' });
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const box = el.getBoundingClientRect();
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        const root = el.getRootNode();
        return { x, y, ours: root instanceof ShadowRoot && document.elementFromPoint(x, y) === root.host };
      });
      const key = `${point.x},${point.y}`;
      if (point.ours && key === last) {
        await this.frame.page().mouse.click(point.x, point.y);
        return;
      }
      last = key;
    }
    throw new Error(`${selector} #${index} never settled under the pointer (last at ${last})`);
  }
}
