// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { onUserClick } from '@/lib/content/page';

describe('buttons of the injected UI', () => {
  it('ignore clicks a page script dispatches (untrusted), and keep them from reaching the page', () => {
    const button = document.createElement('button');
    const host = document.createElement('div');
    host.append(button);
    document.body.append(host);
    const act = vi.fn();
    const pageHeard = vi.fn();
    host.addEventListener('click', pageHeard);
    const controller = new AbortController();
    onUserClick(button, controller.signal, act);

    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(act).not.toHaveBeenCalled();
    expect(pageHeard).not.toHaveBeenCalled();

    // Aborting the page's signal removes the listener: the page's click then reaches the page as usual.
    controller.abort();
    button.click();
    expect(pageHeard).toHaveBeenCalledTimes(1);
  });
});
