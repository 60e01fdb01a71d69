import { type SettingName, type Settings, SettingsSchema, settingsFrom } from '../settings/settings';
import { settingDoc } from '../sync/mapping';
import { SETTING_PREFIX } from './meta-keys';
import { recordChanges } from './outbox';
import type { DigestLensDB } from './schema';

/** The user's settings, defaults filled in (lib/settings/settings.ts). */
export async function readSettings(db: DigestLensDB): Promise<Settings> {
  const rows = await db.meta.where('key').startsWith(SETTING_PREFIX).toArray();
  return settingsFrom(Object.fromEntries(rows.map((row) => [row.key.slice(SETTING_PREFIX.length), row.value])));
}

/** Stores one setting; a value that does not fit its schema is refused with the setting's name. */
export async function writeSetting<K extends SettingName>(db: DigestLensDB, name: K, value: Settings[K]): Promise<void> {
  const fits = SettingsSchema.shape[name].safeParse(value);
  if (!fits.success) throw new Error(`setting ${name}: ${JSON.stringify(value)} is not a valid value`);
  await db.transaction('rw', db.meta, db.outbox, async () => {
    await db.meta.put({ key: `${SETTING_PREFIX}${name}`, value: fits.data });
    await recordChanges(db, [{ database: 'private', doc: settingDoc({ key: name, value: fits.data }) }]);
  });
}
