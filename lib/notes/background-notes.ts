import { liveQuery, type Subscription } from 'dexie';
import type { browser } from 'wxt/browser';
import { type DigestLensDB, ensurePaper, findPaper, noteVersions, restoreNoteVersion, saveNote } from '../db';
import type { SeenPaper } from '../identity/seen-paper';
import { NOTE_PORT, NoteClientMessageSchema, type NoteServerMessage } from '../messaging/protocol';

/** What the editor's `open` names (lib/identity/seen-paper.ts, without the authors it does not send). */
type NotePaper = Omit<SeenPaper, 'authors'>;

import { isExtensionPage } from '../messaging/sender';

/**
 * Serves note editors that run framed in web pages (see NOTE_PORT): one port per editor, bound
 * to one paper. Only the extension's own pages may connect. Saves are applied in the order they
 * arrive, so a save sent as the editor's tab closes still lands after the ones before it.
 */
export function serveNoteEditors(runtime: typeof browser.runtime, db: DigestLensDB): void {
  const extensionOrigin = runtime.getURL('/');
  runtime.onConnect.addListener((port) => {
    if (port.name !== NOTE_PORT) return;
    if (!isExtensionPage(port.sender, runtime.id, extensionOrigin)) {
      port.disconnect();
      return;
    }
    let connected = true;
    let paperId: string | null = null;
    let watching: Subscription | null = null;
    let queue: Promise<void> = Promise.resolve();
    const send = (message: NoteServerMessage) => {
      if (!connected) return;
      try {
        port.postMessage(message);
      } catch {
        // The editor's page closed between the check and the post: nobody is left to tell.
        connected = false;
      }
    };
    /** The paper the editor opened on, for creating its record on the first save. */
    let seen: NotePaper | null = null;
    const watch = (id: string) => {
      watching?.unsubscribe();
      watching = liveQuery(async () => ({ note: (await db.notes.get(id)) ?? null, versions: await noteVersions(db, id) })).subscribe({
        next: ({ note, versions }) =>
          send({
            type: 'note',
            note: note && { text: note.text, version: note.version, updatedAt: note.updatedAt },
            versions: versions.map((v) => ({ id: v.id ?? 0, text: v.text, savedAt: v.savedAt, version: v.version })),
          }),
        error: (error) => send({ type: 'failed', error: String(error) }),
      });
    };
    port.onDisconnect.addListener(() => {
      connected = false;
      watching?.unsubscribe();
    });

    port.onMessage.addListener((raw: unknown) => {
      const parsed = NoteClientMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      queue = queue.then(async () => {
        try {
          if (message.type === 'open') {
            // Opening reads only: a paper gets a record when a note is first saved on it, not
            // whenever its page is visited.
            seen = message.paper;
            const paper = await findPaper(db, message.paper);
            paperId = paper?.id ?? null;
            send({ type: 'opened', paperId: paper?.id ?? '', title: paper?.title ?? message.paper.title });
            if (paper) watch(paper.id);
            else send({ type: 'note', note: null, versions: [] });
          } else if (message.type === 'save') {
            if (!paperId) {
              if (!seen) throw new Error('no paper opened');
              paperId = (await ensurePaper(db, seen)).id;
              watch(paperId);
            }
            const { note, concurrent } = await saveNote(db, paperId, message.text, message.baseVersion);
            send({
              type: 'saved',
              requestId: message.requestId,
              note: { text: note.text, version: note.version, updatedAt: note.updatedAt },
              concurrent,
            });
          } else {
            await restoreNoteVersion(db, message.versionId);
          }
        } catch (error) {
          send({
            type: 'failed',
            requestId: message.type === 'save' ? message.requestId : undefined,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      });
    });
  });
}
