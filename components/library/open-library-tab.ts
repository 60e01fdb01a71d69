import { browser } from 'wxt/browser';

/** Opens the Library page in a tab of its own and closes the popup (which would otherwise stay over it). */
export function openLibraryTab(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
  window.close();
}
