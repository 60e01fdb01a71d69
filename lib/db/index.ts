export { digestContentId } from './content-id';
export { type DeleteResult, deleteDigest } from './delete-digest';
export type { Digest, DigestEntry, MetaRow, Note, Paper, QueueItem } from './entities';
export { bumpCorpusRevision, corpusRevision } from './revision';
export { type ImportResult, importDigest } from './import-digest';
export { DATABASE_NAME, DigestLensDB } from './schema';
export { type SearchResult, searchPapers } from './search';
