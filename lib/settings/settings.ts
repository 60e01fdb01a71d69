import * as z from 'zod/mini';

/**
 * The user's settings: one schema, one set of defaults. Stored as `setting:<name>` rows of the
 * `meta` table (lib/db/settings.ts), so backups carry them; read by content scripts through the
 * typed channel, hence `zod/mini`. A stored value that no longer fits (an older or hand-edited
 * backup) falls back to the default for that setting alone.
 *
 * Sync credentials are NOT settings: they never go into backups (lib/sync/connection.ts).
 */
export const SettingsSchema = z.object({
  /** Annotate arXiv pages (badges, panel, note, capture). */
  arxivEnabled: z.boolean(),
  /** Annotate Hugging Face pages. */
  huggingfaceEnabled: z.boolean(),
  /** The faint "≈ related" marker on papers that are not in the digests but close to them. */
  relatedMarker: z.boolean(),
  /** The related panel under an abstract starts collapsed. */
  panelCollapsed: z.boolean(),
  /**
   * The browser's spell-check in the private note. Off by default: with Chrome's enhanced
   * spell-check on, the browser sends the field's text to a server.
   */
  noteSpellcheck: z.boolean(),
  /** j/k/q/n/? walk the papers of a listing from the keyboard. */
  keyboardWalk: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingName = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  arxivEnabled: true,
  huggingfaceEnabled: true,
  relatedMarker: true,
  panelCollapsed: true,
  noteSpellcheck: false,
  keyboardWalk: true,
};

/** Settings from stored `name → value` pairs: unknown names ignored, unfit values defaulted. */
export function settingsFrom(stored: Record<string, unknown>): Settings {
  const settings = { ...DEFAULT_SETTINGS };
  for (const name of Object.keys(DEFAULT_SETTINGS) as SettingName[]) {
    const value = stored[name];
    const fits = SettingsSchema.shape[name].safeParse(value);
    if (fits.success) settings[name] = fits.data;
  }
  return settings;
}
