import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { type Digest, deleteDigest, digestsNewestFirst } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { formatDay } from '@/lib/text/format-day';
import type { OpenView } from './library-view';

function DigestRow({ digest, open }: { digest: Digest; open: OpenView }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <li className="digest-row" data-testid="digest-row" data-date={digest.date}>
      <div className="digest-main">
        <button
          type="button"
          className="link digest-open"
          data-testid="open-digest"
          aria-label={`Open the digest of ${formatDay(digest.date)}`}
          onClick={() => open({ kind: 'digest', digestId: digest.id })}
        >
          <strong>{formatDay(digest.date)}</strong>
        </button>
        <span className="muted">
          {' '}
          · <span data-testid="digest-paper-count">{digest.paperCount}</span> papers · {digest.fileName}
        </span>
      </div>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label="Confirm delete">
          <span>{failure ? `Could not delete: ${failure}` : 'Delete this digest? Notes and queue are kept.'}</span>
          <button
            type="button"
            className="danger"
            data-testid="confirm-delete"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await deleteDigest(db, digest.id);
              } catch (error) {
                setFailure(error instanceof Error ? error.message : String(error));
                setBusy(false);
              }
            }}
          >
            Delete
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="quiet" data-testid="delete-digest" onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
    </li>
  );
}

/** The imported digests, newest first; a digest's date opens it. */
export function DigestList({ digests, open }: { digests: Digest[]; open: OpenView }) {
  if (digests.length === 0) return null;
  return (
    <section className="panel">
      <h2>Digests</h2>
      <ul className="digests">
        {digests.map((d) => (
          <DigestRow key={d.id} digest={d} open={open} />
        ))}
      </ul>
    </section>
  );
}

export function useDigests(): Digest[] | undefined {
  return useLiveQuery(() => digestsNewestFirst(db), []);
}
