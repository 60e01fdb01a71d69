import { type FormEvent, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ChannelError } from '@/lib/messaging/channel';
import { BROWSER_NAME } from '@/lib/platform/browser-name';
import { checkServerUrl, hostPermissionPattern } from '@/lib/sync/connection';
import { statusLine } from './status-line';
import { useSyncPanelState } from './useSyncPanelState';
import './sync.css';

interface Form {
  serverUrl: string;
  user: string;
  password: string;
  privateDatabase: string;
  labDatabase: string;
}

const EMPTY: Form = { serverUrl: '', user: '', password: '', privateDatabase: '', labDatabase: '' };

function reasonOf(error: unknown): string {
  if (error instanceof ChannelError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

const FIELDS: Array<{ name: keyof Form; label: string; type?: string; placeholder?: string; autoComplete?: string }> = [
  { name: 'serverUrl', label: 'Server address', placeholder: 'https://couch.example.org', autoComplete: 'url' },
  { name: 'user', label: 'User', autoComplete: 'username' },
  { name: 'password', label: 'Password or token', type: 'password', autoComplete: 'current-password' },
  { name: 'privateDatabase', label: 'Private database', placeholder: 'digestlens-yourname' },
  { name: 'labDatabase', label: 'Lab database (optional)', placeholder: 'leave empty for none' },
];

/**
 * Settings → Sync: connect DigestLens to the user's own CouchDB server, sync now, disconnect, and
 * the status line. Connecting first asks the browser for access to that server's origin only
 * (from this click, as browsers require); the background keeps the connection and never sends the
 * password back, so the field is empty again after connecting.
 */
export function SyncPanel() {
  const { state, ask } = useSyncPanelState();
  const [form, setForm] = useState<Form>(EMPTY);
  const [filled, setFilled] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The stored connection fills the form once (the password is never sent to pages).
  useEffect(() => {
    if (filled || !state) return;
    setFilled(true);
    const c = state.connection;
    if (c) setForm({ ...c, password: '', labDatabase: c.labDatabase ?? '' });
  }, [state, filled]);

  const act = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await action());
    } catch (error) {
      setMessage(reasonOf(error));
    } finally {
      setBusy(false);
    }
  };

  const connect = (event: FormEvent) => {
    event.preventDefault();
    const url = checkServerUrl(form.serverUrl);
    if (!url.ok) return setMessage(`Server address: ${url.reason}`);
    if (!form.password) return setMessage('Type the password or token');
    const origin = hostPermissionPattern(form.serverUrl, BROWSER_NAME);
    // Asked first, within the click: browsers grant a permission request only during a user gesture.
    const granted = browser.permissions.request({ origins: [origin] });
    void act(async () => {
      if (!(await granted)) return `DigestLens may not reach ${url.url.origin} without your permission: nothing was changed`;
      await ask({
        type: 'connect',
        serverUrl: form.serverUrl.trim(),
        user: form.user.trim(),
        password: form.password,
        privateDatabase: form.privateDatabase.trim(),
        labDatabase: form.labDatabase.trim() || null,
      });
      setForm((f) => ({ ...f, password: '' }));
      // The status line tells how the first sync goes.
      return null;
    });
  };

  const connected = state?.connection ?? null;
  return (
    <section className="sync-panel" data-testid="sync-panel" aria-label="Sync">
      <h2>Sync</h2>
      <p>
        Sync your notes, queue and settings (and optionally a lab's digests) through your own CouchDB server. While sync is on, DigestLens
        talks to that server only.
      </p>
      <form onSubmit={connect}>
        {FIELDS.map((field) => (
          <label key={field.name} className="sync-field">
            <span>{field.label}</span>
            <input
              type={field.type ?? 'text'}
              data-testid={`sync-${field.name}`}
              value={form[field.name]}
              placeholder={field.name === 'password' && connected ? 'stored; type it again to change it' : field.placeholder}
              autoComplete={field.autoComplete ?? 'off'}
              spellCheck={false}
              required={field.name !== 'labDatabase'}
              onChange={(e) => setForm({ ...form, [field.name]: e.target.value })}
            />
          </label>
        ))}
        <div className="sync-actions">
          <button type="submit" data-testid="sync-connect" disabled={busy}>
            {connected ? 'Connect again' : 'Connect'}
          </button>
          <button
            type="button"
            data-testid="sync-now"
            disabled={busy || !connected}
            onClick={() =>
              act(async () => {
                await ask({ type: 'sync-now' });
                return 'Synced';
              })
            }
          >
            Sync now
          </button>
          <button
            type="button"
            data-testid="sync-disconnect"
            disabled={busy || !connected}
            onClick={() =>
              act(async () => {
                await ask({ type: 'disconnect' });
                setForm((f) => ({ ...f, password: '' }));
                return 'Disconnected: the password is forgotten and DigestLens no longer reaches the server';
              })
            }
          >
            Disconnect
          </button>
        </div>
      </form>
      <p className="sync-status" data-testid="sync-status" role="status" data-error={state?.status.lastError ? 'true' : 'false'}>
        {state ? statusLine(state) : 'Reading the sync status…'}
      </p>
      {message && (
        <p className="sync-message" data-testid="sync-message">
          {message}
        </p>
      )}
    </section>
  );
}
