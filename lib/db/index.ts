export { digestContentId } from './content-id';
export { type DeleteResult, deleteDigest } from './delete-digest';
export type { Digest, DigestEntry, Note, Paper, QueueItem } from './entities';
export { type ImportResult, importDigest } from './import-digest';
export { DATABASE_NAME, DigestLensDB } from './schema';
export { type SearchResult, searchPapers } from './search';
