/**
 * An editor sends each change at once, based on the version the save before it is to write
 * (autosave.ts). When that save met another tab's text, it wrote a later version than expected;
 * the saves queued behind it must then be based on what it really wrote, or each would count as
 * concurrent with the editor's own previous save and keep a copy of it in History. Whoever applies
 * one editor's saves in order (the background, per port; the tab's own source) keeps one chain.
 */
export class SaveChain {
  /** Version a save expected to write → the version it wrote; only the last few are needed. */
  private readonly written = new Map<number, number>();

  /** The version to base a save on: what the save it was chained on really wrote. */
  rebase(baseVersion: number): number {
    return this.written.get(baseVersion) ?? baseVersion;
  }

  /** A save sent with `baseVersion` (before rebasing) wrote `version`. */
  wrote(baseVersion: number, version: number): void {
    this.written.set(baseVersion + 1, version);
    if (this.written.size > 64) this.written.delete(this.written.keys().next().value as number);
  }
}
