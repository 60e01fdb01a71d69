import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestLensDB } from '@/lib/db';
import { readSettings, writeSetting } from '@/lib/db';
import { DEFAULT_SETTINGS, settingsFrom } from '@/lib/settings/settings';
import { makeTestDb } from '../../support/test-db';

describe('settings', () => {
  let db: DigestLensDB;
  beforeEach(async () => {
    db = makeTestDb();
  });
  afterEach(async () => {
    db.close();
  });

  it('start at the defaults: spell-check in the note off, everything else on, panel collapsed', async () => {
    expect(await readSettings(db)).toEqual({
      arxivEnabled: true,
      huggingfaceEnabled: true,
      relatedMarker: true,
      panelCollapsed: true,
      noteSpellcheck: false,
      keyboardWalk: true,
    });
  });

  it('keep a written setting, as a setting: row that backups carry', async () => {
    await writeSetting(db, 'noteSpellcheck', true);
    expect((await readSettings(db)).noteSpellcheck).toBe(true);
    expect(await db.meta.get('setting:noteSpellcheck')).toEqual({ key: 'setting:noteSpellcheck', value: true });
  });

  it('refuse a value of the wrong type, naming the setting', async () => {
    await expect(writeSetting(db, 'keyboardWalk', 'yes' as unknown as boolean)).rejects.toThrow(
      'setting keyboardWalk: "yes" is not a valid value',
    );
  });

  it('fall back to the default for a stored value that no longer fits, and ignore unknown names', () => {
    expect(settingsFrom({ relatedMarker: 'off', panelCollapsed: false, retired: 1 })).toEqual({
      ...DEFAULT_SETTINGS,
      panelCollapsed: false,
    });
  });
});
