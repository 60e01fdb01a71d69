import { describe, expect, it } from 'vitest';
import { authorizedFetch, checkServerUrl, databaseUrl, hostPermissionPattern } from '../../../lib/sync/connection';
import { parseSyncDoc } from '../../../lib/sync/documents';
import { noteDoc, noteVersionDoc } from '../../../lib/sync/mapping';

describe('the sync connection', () => {
  it('accepts https anywhere and plain http only for this computer', () => {
    expect(checkServerUrl('https://couch.example.org').ok).toBe(true);
    expect(checkServerUrl('http://127.0.0.1:5984').ok).toBe(true);
    expect(checkServerUrl('http://localhost:5984/').ok).toBe(true);
    expect(checkServerUrl('http://[::1]:5984').ok).toBe(true);
    expect(checkServerUrl('http://couch.example.org')).toMatchObject({ ok: false });
    expect(checkServerUrl('ftp://couch.example.org')).toMatchObject({ ok: false, reason: 'the address must start with https://' });
    expect(checkServerUrl('https://me:secret@couch.example.org')).toMatchObject({ ok: false });
    expect(checkServerUrl('not a url')).toMatchObject({ ok: false, reason: 'this is not a web address' });
  });

  it('asks for a host permission with the port in Chrome and without it in Firefox', () => {
    expect(hostPermissionPattern('http://127.0.0.1:5984', 'chrome')).toBe('http://127.0.0.1:5984/*');
    expect(hostPermissionPattern('http://127.0.0.1:5984', 'firefox')).toBe('http://127.0.0.1/*');
    expect(hostPermissionPattern('https://couch.example.org/db-prefix', 'chrome')).toBe('https://couch.example.org/*');
  });

  it('builds database URLs and sends basic auth, UTF-8 safe, without cookies', async () => {
    const connection = {
      serverUrl: 'https://couch.example.org/',
      user: 'zoë',
      password: 'pässword',
      privateDatabase: 'zoe',
      labDatabase: null,
    };
    expect(databaseUrl(connection, 'lab/2026')).toBe('https://couch.example.org/lab%2F2026');
    const seen: RequestInit[] = [];
    const send = authorizedFetch(connection, async (_url, init) => {
      seen.push(init ?? {});
      return new Response('{}');
    });
    await send('https://couch.example.org/zoe');
    const header = new Headers(seen[0]?.headers).get('Authorization');
    expect(header).toBe(`Basic ${Buffer.from('zoë:pässword', 'utf8').toString('base64')}`);
    expect(seen[0]?.credentials).toBe('omit');
  });
});

describe('documents are checked on the way in', () => {
  it('accepts a note, and refuses one whose id disagrees with its content or that sits in the wrong database', async () => {
    const doc = noteDoc({ paperId: 'arxiv:1', text: 'hi', updatedAt: '2026-01-01T00:00:00.000Z', version: 1 });
    expect(await parseSyncDoc(doc, 'private')).toEqual(doc);
    expect(await parseSyncDoc({ ...doc, _id: 'note:arxiv:2' }, 'private')).toBeNull();
    expect(await parseSyncDoc(doc, 'lab')).toBeNull();
    expect(await parseSyncDoc({ ...doc, text: 42 }, 'private')).toBeNull();
  });

  it('accepts a note version only under its deterministic id', async () => {
    const version = await noteVersionDoc({ paperId: 'arxiv:1', text: 'old', savedAt: '2026-01-01T00:00:00.000Z', version: 1 });
    expect(await parseSyncDoc(version, 'private')).toEqual(version);
    expect(await parseSyncDoc({ ...version, text: 'tampered' }, 'private')).toBeNull();
  });
});
