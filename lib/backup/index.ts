export {
  type BibtexExport,
  bibtexEntry,
  bibtexTitle,
  type CitablePaper,
  exportQueueBibtex,
  missingForCitation,
  papersAsBibtex,
} from './bibtex';
export { downloadFile } from './download';
export { backupJson, exportBackup, SETTING_PREFIX } from './export';
export { backupFileName, localDay, slug } from './file-names';
export { type ExportFile, exportNotesMarkdown, type NoteContext, noteMarkdown, notesAsMarkdown, yamlString } from './markdown';
export { describeRestore, type RestoreSummary, restoreBackup, restoredNothing } from './restore';
export { BACKUP_FORMAT, BACKUP_VERSION, type BackupDocument, BackupError, BackupSchema, parseBackupText, validateBackup } from './schema';
export { makeZip, type ZipInput } from './zip';
