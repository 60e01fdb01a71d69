/** Which browser this build is for (WXT sets `import.meta.env.FIREFOX` per build): the one place that asks. */
export const BROWSER_NAME: 'chrome' | 'firefox' = import.meta.env.FIREFOX ? 'firefox' : 'chrome';
