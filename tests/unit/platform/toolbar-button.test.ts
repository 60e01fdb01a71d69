import { describe, expect, it } from 'vitest';
import { type ToolbarButton, toolbarButton } from '../../../lib/platform/toolbar-button';

function button(name: string): ToolbarButton & { name: string } {
  return { name, setBadgeText: () => undefined };
}

describe('the toolbar button API', () => {
  it('is `action` in Chrome’s Manifest V3 build', () => {
    expect(toolbarButton({ action: button('action') })).toMatchObject({ name: 'action' });
  });

  it('is `browserAction` in Firefox’s Manifest V2 build, where there is no `action`', () => {
    expect(toolbarButton({ browserAction: button('browserAction') })).toMatchObject({ name: 'browserAction' });
  });

  it('refuses a browser with neither, rather than failing later on the first queue change', () => {
    expect(() => toolbarButton({})).toThrow('neither `action` nor `browserAction`');
  });
});
