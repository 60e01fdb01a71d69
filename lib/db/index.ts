export { digestContentId } from './content-id';
export { type DeleteResult, deleteDigest } from './delete-digest';
export type { Digest, DigestEntry, MetaRow, Note, NoteVersion, Paper, QueueItem } from './entities';
export { entriesOfDigest } from './entries';
export { papersByArxivId, papersByTitleKey } from './find-papers';
export { type ImportResult, importDigest } from './import-digest';
export { KEPT_VERSIONS, noteVersions, restoreNoteVersion, type SaveResult, saveNote } from './notes';
export { ensurePaper, findPaper, placeholderTitle } from './page-paper';
export {
  addToQueue,
  moveInQueue,
  queueItem,
  queueItems,
  removeFromQueue,
  restoreQueueItem,
  setQueuedFromPage,
  setRead,
  unreadCount,
} from './queue';
export { resolveIdentities, resolvePapers } from './resolve-papers';
export { bumpCorpusRevision, corpusRevision } from './revision';
export { DATABASE_NAME, DigestLensDB } from './schema';
export { type SearchResult, searchPapers } from './search';
export { paperCount } from './stats';
