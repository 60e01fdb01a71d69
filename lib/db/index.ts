export { type BrowseFilter, type BrowseResult, type BrowseRow, browsePapers, isFiltering, NO_FILTER } from './browse-papers';
export { dayDigestContentId, digestContentId, pageDigestContentId } from './content-id';
export { type DeleteResult, deleteDigest } from './delete-digest';
export { digestsNewestFirst } from './digest-list';
export { type DigestWithPapers, digestWithPapers } from './digest-papers';
export type { Digest, DigestEntry, Listing, MetaRow, Note, NoteVersion, Paper, QueueItem } from './entities';
export { papersByArxivId, papersById, papersByTitleKey } from './find-papers';
export { arxivIdIsLearned, forgetArxivId } from './forget-arxiv-id';
export { type FileDigests, type ImportResult, importDigest, importDigests, importFilesTogether } from './import-digest';
export { type ArxivIdClaim, learnArxivIds } from './learn-arxiv-ids';
export { allListedPaperIds, type DigestMembership, digestMemberships, entriesOfDigest } from './listings';
export { mergeProfile, type RestoreSummary } from './merge-profile';
export { type NoteSnapshot, noteSnapshot, watchNote } from './note-watch';
export { KEPT_VERSIONS, noteVersions, restoreNoteVersion, type SaveResult, saveNote } from './notes';
export { connectSync, disconnectSync, enqueueEverything, syncedDatabases } from './outbox';
export { ensurePaper, findPaper, placeholderTitle } from './page-paper';
export { paperById } from './paper-by-id';
export { type PaperAppearance, paperAppearances, yearFromAppearances } from './paper-history';
export { type PaperRecord, paperRecord } from './paper-record';
export { type PaperQueueNoteState, paperStates, queuedAndNotedIds, watchQueuedAndNoted } from './paper-state';
export { readPersistedIndex, writePersistedIndexes } from './persisted-indexes';
export { type ProfileRows, readProfile, SETTING_PREFIX } from './profile';
export {
  addToQueue,
  moveInQueue,
  type QueuedPaper,
  queuedPapers,
  queueItem,
  queueItems,
  queueRows,
  removeFromQueue,
  restoreQueueItem,
  setQueuedFromPage,
  setRead,
  unreadCount,
  watchUnreadCount,
} from './queue';
export { resolveIdentities, resolvePapers } from './resolve-papers';
export { bumpCorpusRevision, corpusRevision } from './revision';
export { DATABASE_NAME, DigestLensDB } from './schema';
export { type SearchResult, searchPapers } from './search';
export { readSettings, writeSetting } from './settings';
export { paperCount } from './stats';
export {
  connectedRoles,
  readSyncConnection,
  readSyncStatus,
  removeSyncConnection,
  saveSyncStatus,
  storeSyncConnection,
  watchOutboxCount,
} from './sync-connection';
export { DexieLocalSide, type DexieLocalSideOptions } from './sync-local-side';
export { writtenNotes } from './written-notes';
