/**
 * Local rows ⇄ sync documents: the one place that knows both shapes. The lead points
 * lib/sync/local-rows.ts at the final lib/db row types; this file is where a renamed field is
 * fixed. Documents are built with their keys in one order (canonicalDoc), because PouchDB's
 * deterministic revision is a hash of the JSON text: two devices writing the same content
 * must write the same bytes.
 */
import {
  canonicalJson,
  type DigestDoc,
  digestDocId,
  type NoteDoc,
  type NoteVersionDoc,
  noteDocId,
  noteVersionDocId,
  type PaperDoc,
  paperDocId,
  type QueueDoc,
  queueDocId,
  type SettingDoc,
  type SyncDoc,
  settingDocId,
} from './documents';
import type { DigestRow, NoteRow, NoteVersionRow, PaperRow, QueueItemRow, SettingRow } from './local-rows';

/** The same object with its keys (and its nested objects' keys) sorted. */
export function canonicalDoc<T>(doc: T): T {
  return JSON.parse(canonicalJson(doc)) as T;
}

export function paperDoc(row: PaperRow): PaperDoc {
  return canonicalDoc({
    _id: paperDocId(row.id),
    type: 'paper',
    paperId: row.id,
    title: row.title,
    titleKey: row.titleKey,
    arxivId: row.arxivId,
    abstract: row.abstract,
    authors: row.authors,
    organization: row.organization,
    addedAt: row.addedAt,
    ...(row.url !== undefined ? { url: row.url } : {}),
    ...(row.authorNames?.length ? { authorNames: row.authorNames } : {}),
  });
}

export function noteDoc(row: NoteRow): NoteDoc {
  return canonicalDoc({
    _id: noteDocId(row.paperId),
    type: 'note',
    paperId: row.paperId,
    text: row.text,
    updatedAt: row.updatedAt,
    version: row.version,
  });
}

export async function noteVersionDoc(row: NoteVersionRow): Promise<NoteVersionDoc> {
  return canonicalDoc({
    _id: await noteVersionDocId(row),
    type: 'noteVersion',
    paperId: row.paperId,
    text: row.text,
    savedAt: row.savedAt,
    version: row.version,
    fromAnotherDevice: row.fromAnotherDevice ?? false,
    ...(row.keptBecause ? { keptBecause: row.keptBecause } : {}),
  });
}

export function queueDoc(row: QueueItemRow): QueueDoc {
  return canonicalDoc({
    _id: queueDocId(row.paperId),
    type: 'queue',
    paperId: row.paperId,
    order: row.order,
    addedAt: row.addedAt,
    source: row.source,
    readAt: row.readAt,
  });
}

export function settingDoc(row: SettingRow): SettingDoc {
  return canonicalDoc({ _id: settingDocId(row.key), type: 'setting', key: row.key, value: row.value as SettingDoc['value'] });
}

export function digestDoc(row: DigestRow): DigestDoc {
  return canonicalDoc({
    _id: digestDocId(row.id),
    type: 'digest',
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    dateRaw: row.dateRaw,
    date: row.date,
    paperCount: row.paperCount,
    importedAt: row.importedAt,
    entries: row.entries.map((e) => ({
      paperId: e.paperId,
      position: e.position,
      upvotes: e.upvotes,
      publishedRaw: e.publishedRaw,
      published: e.published,
    })),
  });
}

/** A validated document as the local row it stands for. */
export type IncomingRow =
  | { kind: 'paper'; row: PaperRow }
  | { kind: 'note'; row: NoteRow }
  | { kind: 'noteVersion'; row: NoteVersionRow }
  | { kind: 'queue'; row: QueueItemRow }
  | { kind: 'setting'; row: SettingRow }
  | { kind: 'digest'; row: DigestRow };

export function rowOf(doc: SyncDoc): IncomingRow {
  switch (doc.type) {
    case 'paper': {
      const row: PaperRow = {
        id: doc.paperId,
        title: doc.title,
        titleKey: doc.titleKey,
        arxivId: doc.arxivId,
        abstract: doc.abstract,
        authors: doc.authors,
        organization: doc.organization,
        addedAt: doc.addedAt,
      };
      if (doc.url !== undefined) row.url = doc.url;
      if (doc.authorNames?.length) row.authorNames = doc.authorNames;
      return { kind: 'paper', row };
    }
    case 'note':
      return { kind: 'note', row: { paperId: doc.paperId, text: doc.text, updatedAt: doc.updatedAt, version: doc.version } };
    case 'noteVersion':
      return {
        kind: 'noteVersion',
        row: {
          paperId: doc.paperId,
          text: doc.text,
          savedAt: doc.savedAt,
          version: doc.version,
          fromAnotherDevice: doc.fromAnotherDevice,
          ...(doc.keptBecause ? { keptBecause: doc.keptBecause } : {}),
        },
      };
    case 'queue':
      return {
        kind: 'queue',
        row: { paperId: doc.paperId, order: doc.order, addedAt: doc.addedAt, source: doc.source, readAt: doc.readAt },
      };
    case 'setting':
      return { kind: 'setting', row: { key: doc.key, value: doc.value } };
    case 'digest': {
      const { _id, _rev, type, ...row } = doc;
      return { kind: 'digest', row };
    }
  }
}
