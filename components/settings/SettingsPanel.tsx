import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { readSettings, writeSetting } from '@/lib/db';
import { db } from '@/lib/db/instance';
import type { SettingName, Settings } from '@/lib/settings/settings';

/** Every setting, its label and what it does, in the order shown. */
const SETTINGS: Array<{ name: SettingName; label: string; hint: string }> = [
  { name: 'arxivEnabled', label: 'arXiv', hint: 'Badges, the related panel, notes and capture on arxiv.org.' },
  { name: 'huggingfaceEnabled', label: 'Hugging Face', hint: 'The same on huggingface.co.' },
  {
    name: 'relatedMarker',
    label: 'Related marker',
    hint: 'The faint “≈ related” marker on listed papers that are not in your digests but close to them.',
  },
  { name: 'panelCollapsed', label: 'Related panel collapsed', hint: 'The related papers under an abstract start collapsed.' },
  {
    name: 'noteSpellcheck',
    label: 'Spell-check in notes',
    hint: 'Off by default: with enhanced spell-check, the browser sends the text it checks to a server.',
  },
  { name: 'keyboardWalk', label: 'Keyboard walk', hint: 'j/k walk the papers of a listing, q queues, n opens the note, ? shows the keys.' },
];

const GROUPS: Array<{ title: string; names: SettingName[] }> = [
  { title: 'Sites', names: ['arxivEnabled', 'huggingfaceEnabled'] },
  { title: 'On paper pages', names: ['relatedMarker', 'panelCollapsed', 'keyboardWalk'] },
  { title: 'Notes', names: ['noteSpellcheck'] },
];

function SettingCheckbox({ name, settings }: { name: SettingName; settings: Settings }) {
  const setting = SETTINGS.find((s) => s.name === name);
  if (!setting) return null;
  return (
    <li className="setting">
      <label>
        <input
          type="checkbox"
          data-testid={`setting-${name}`}
          checked={settings[name]}
          onChange={(e) => void writeSetting(db, name, e.currentTarget.checked)}
        />{' '}
        <strong>{setting.label}</strong>
      </label>
      <div className="muted">{setting.hint}</div>
    </li>
  );
}

/**
 * The Settings section: every setting of lib/settings/settings.ts, saved as it is changed
 * (lib/db/settings.ts), so backups carry them and sync shares them. `sync` is the Sync
 * sub-section, built apart (components/sync/SyncPanel.tsx) and mounted at the marked place.
 */
export function SettingsPanel({ sync }: { sync?: ReactNode }) {
  const settings = useLiveQuery(() => readSettings(db), []);
  if (!settings) return null;
  return (
    <section className="panel settings" aria-label="Settings" data-testid="settings-panel">
      {GROUPS.map((group) => (
        <fieldset key={group.title} className="settings-group">
          <legend>{group.title}</legend>
          <ul className="settings-list">
            {group.names.map((name) => (
              <SettingCheckbox key={name} name={name} settings={settings} />
            ))}
          </ul>
        </fieldset>
      ))}
      <p className="muted">Changes apply to pages opened or reloaded from now on. Backups carry these settings.</p>
      {/* ─── Sync sub-section: mount <SyncPanel /> (components/sync/SyncPanel.tsx) here, via the `sync` prop. ─── */}
      {sync && (
        <section className="settings-group" aria-label="Sync" data-testid="settings-sync">
          {sync}
        </section>
      )}
    </section>
  );
}
