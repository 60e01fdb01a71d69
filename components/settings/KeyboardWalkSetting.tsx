import { useLiveQuery } from 'dexie-react-hooks';
import { readSettings, writeSetting } from '@/lib/db';
import { db } from '@/lib/db/instance';

/** The `keyboardWalk` setting: j/k/q/n/? on listing, search and daily pages (lib/content/features/keyboard-walk.ts). */
export function KeyboardWalkSetting() {
  const settings = useLiveQuery(() => readSettings(db), []);
  if (!settings) return null;
  return (
    <section className="panel" data-testid="settings-panel">
      <h2>Settings</h2>
      <label>
        <input
          type="checkbox"
          data-testid="setting-keyboardWalk"
          checked={settings.keyboardWalk}
          onChange={(e) => void writeSetting(db, 'keyboardWalk', e.currentTarget.checked)}
        />{' '}
        Walk listing pages from the keyboard (<kbd>j</kbd>/<kbd>k</kbd> move, <kbd>q</kbd> queue, <kbd>n</kbd> note, <kbd>?</kbd> keys);
        takes effect on pages opened after the change
      </label>
    </section>
  );
}
