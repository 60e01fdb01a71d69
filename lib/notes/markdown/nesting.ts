/**
 * Block quotes and lists nest at most MAX_NESTING deep: a line opening more containers than that
 * shows the extra markers as text. The Markdown parser (micromark) works through nested
 * containers in time that grows with the square of their depth (100 KB of `>` took 70 s to parse,
 * measured 2026-05), so the limit is applied to the text before it is parsed, by escaping the first
 * marker past it. (A code-block line that starts with more than eight such markers is escaped
 * too, and shows one backslash; no note writes that.)
 */
const MAX_NESTING = 8;

/** A quote marker, or a list marker followed by a space or tab, with the indentation before it. */
const CONTAINER_MARKER = /[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))/y;
/** `- - - - - - - - - -` is a rule, not ten list markers. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

export function limitNesting(text: string): string {
  return text.replace(/^.*$/gm, (line) => {
    if (THEMATIC_BREAK.test(line)) return line;
    let at = 0;
    for (let depth = 0; ; depth++) {
      CONTAINER_MARKER.lastIndex = at;
      const marker = CONTAINER_MARKER.exec(line);
      if (!marker) return line;
      if (depth === MAX_NESTING) {
        const markerAt = at + marker[0].length - 1;
        return `${line.slice(0, markerAt)}\\${line.slice(markerAt)}`;
      }
      at += marker[0].length;
    }
  });
}
