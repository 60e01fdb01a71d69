/**
 * The one browser-session fixture: each test file launches the built extension once (a fresh
 * profile, so an empty database), optionally imports the shared fixture digests, and closes it
 * after its last test. Also the way tests see DigestLens's injected UI: its shadow roots are
 * CLOSED (the host page is hostile, issue 9), so Playwright's locators cannot enter them; `ourUi`
 * reads them through the DevTools protocol, which pierces closed roots, and clicks with the mouse
 * at the element's box, so every click is a trusted one, as a user's is.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ExtensionSession, type LaunchOptions, launchExtension } from './harness';
import { importSamplesAndFixtureDigest } from './site-pages';

export { artifact, type ExtensionSession } from './harness';

/**
 * Launches the extension before the file's first test and closes it after the last. With
 * `digests: 'fixtures'`, the three sample digests and the digest of fixture papers are imported
 * first (125 papers; tests/browser/site-pages.ts). Returns the session's getter.
 */
export function sessionForThisFile(options: { digests: 'fixtures' | 'none' }): () => ExtensionSession {
  let session: ExtensionSession | null = null;
  beforeAll(async () => {
    session = await launchSession(options);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('the extension session is not open (used outside a test?)');
    return session;
  };
}

/**
 * A session of its own, for the tests whose subject is the profile itself (an import killed half
 * way, the extension reloaded under an open page, a backup restored into an empty profile): the
 * same setup as `sessionForThisFile`, closed by the caller.
 */
export async function launchSession(options: { digests: 'fixtures' | 'none' } & LaunchOptions): Promise<ExtensionSession> {
  const session = await launchExtension(options);
  try {
    if (options.digests === 'fixtures') await importSamplesAndFixtureDigest(session);
    return session;
  } catch (error) {
    await session.close();
    throw error;
  }
}

// ─── Our UI, through closed shadow roots ─────────────────────────────────────────────────────────

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  localName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** The hosts DigestLens puts in a page: everything of ours lives in their closed shadow roots. */
export type OurHost =
  | 'digestlens-badge'
  | 'digestlens-marker'
  | 'digestlens-panel'
  | 'digestlens-actions'
  | 'digestlens-note'
  | 'digestlens-capture'
  | 'digestlens-summary'
  | 'digestlens-keys';

export interface OurElement {
  text: string;
  attributes: Record<string, string>;
  /** Which host's root it is in, and that host's index among the page's hosts of that name. */
  host: OurHost;
  hostIndex: number;
  backendNodeId: number;
}

/** Reads and drives DigestLens's UI in `tab`, as a user sees it and clicks it. */
export class OurUi {
  private constructor(
    private readonly tab: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(tab: Page): Promise<OurUi> {
    return new OurUi(tab, await tab.context().newCDPSession(tab));
  }

  /** Every element matching `selector` inside our shadow roots (of `host` only, when given), in page order. */
  async all(selector: string, host?: OurHost): Promise<OurElement[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const roots: Array<{ host: OurHost; hostIndex: number; root: CdpNode }> = [];
    const seen = new Map<string, number>();
    const walk = (node: CdpNode) => {
      if (node.localName.startsWith('digestlens-') && node.shadowRoots?.length) {
        const name = node.localName as OurHost;
        const index = seen.get(name) ?? 0;
        seen.set(name, index + 1);
        if (!host || host === name) for (const shadow of node.shadowRoots) roots.push({ host: name, hostIndex: index, root: shadow });
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    const found: OurElement[] = [];
    for (const shadow of roots) {
      const { nodeIds } = (await this.cdp.send('DOM.querySelectorAll', { nodeId: shadow.root.nodeId, selector })) as { nodeIds: number[] };
      for (const nodeId of nodeIds) {
        const { node } = (await this.cdp.send('DOM.describeNode', { nodeId })) as { node: CdpNode & { attributes?: string[] } };
        const pairs = node.attributes ?? [];
        const attributes: Record<string, string> = {};
        for (let i = 0; i < pairs.length; i += 2) attributes[pairs[i] ?? ''] = pairs[i + 1] ?? '';
        const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
        const { result } = (await this.cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: 'function () { return this.textContent; }',
          returnByValue: true,
        })) as { result: { value: string } };
        await this.cdp.send('Runtime.releaseObject', { objectId: object.objectId });
        found.push({
          text: result.value ?? '',
          attributes,
          host: shadow.host,
          hostIndex: shadow.hostIndex,
          backendNodeId: node.backendNodeId,
        });
      }
    }
    return found;
  }

  /**
   * Runs `fn` on each of our shadow roots (in the page's main world, as a test's eyes only) and
   * returns what it returned. `fn` is sent as source: it may use nothing from its surroundings.
   */
  async inEachRoot<T>(fn: (root: ShadowRoot) => T): Promise<T[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadows: CdpNode[] = [];
    const walk = (node: CdpNode) => {
      if (node.localName.startsWith('digestlens-')) shadows.push(...(node.shadowRoots ?? []));
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    const values: T[] = [];
    for (const shadow of shadows) {
      const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId })) as { object: { objectId: string } };
      const { result, exceptionDetails } = (await this.cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function () { return (${fn.toString()})(this); }`,
        returnByValue: true,
      })) as { result: { value: T }; exceptionDetails?: { exception?: { description?: string } } };
      await this.cdp.send('Runtime.releaseObject', { objectId: object.objectId });
      if (exceptionDetails) throw new Error(`in our shadow root: ${exceptionDetails.exception?.description ?? 'an exception'}`);
      values.push(result.value);
    }
    return values;
  }

  async count(selector: string, host?: OurHost): Promise<number> {
    return (await this.all(selector, host)).length;
  }

  async texts(selector: string, host?: OurHost): Promise<string[]> {
    return (await this.all(selector, host)).map((e) => e.text);
  }

  /** Clicks the `index`th match with the mouse at the middle of its box: a trusted click, as a user's. */
  async click(selector: string, index = 0, host?: OurHost): Promise<void> {
    const element = (await this.all(selector, host))[index];
    if (!element) throw new Error(`no ${selector} #${index} in DigestLens's UI`);
    await this.clickElement(element);
  }

  async clickElement(element: OurElement): Promise<void> {
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: element.backendNodeId });
    const { model } = (await this.cdp.send('DOM.getBoxModel', { backendNodeId: element.backendNodeId })) as { model: { border: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    await this.tab.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}
