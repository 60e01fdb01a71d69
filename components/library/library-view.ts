/** Which part of the Library is shown: the digests and search, one digest, or one paper. */
export type LibraryView = { kind: 'home' } | { kind: 'digest'; digestId: string } | { kind: 'paper'; paperId: string };

/** Opens another view; the previous one is where "Back" returns. */
export type OpenView = (view: LibraryView) => void;
