/** Guards that keep hostile or pathological markdown from freezing or crashing the parser. */

/** Largest markdown file the reader parses (bytes). */
export const MAX_DOC_BYTES = 4 * 1024 * 1024;
/** Deepest nesting of blockquotes or list indentation accepted before parsing. */
export const MAX_NESTING = 64;

/**
 * Cheap pre-scan for the inputs that make remark overflow its stack: a line nested deeper than
 * MAX_NESTING blockquotes, or indented deeper than MAX_NESTING list levels. Returns a reason or null.
 */
export function nestingProblem(text: string): string | null {
  let lineStart = 0;
  while (lineStart < text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end === -1) {
      end = text.length;
    }
    let quotes = 0;
    let indent = 0;
    let listMarkers = 0;
    for (let i = lineStart; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x3e /* > */) {
        quotes++;
      } else if (c === 0x20 /* space */) {
        indent++;
      } else if (c === 0x09 /* tab */) {
        indent += 4;
      } else if ((c === 0x2d || c === 0x2a || c === 0x2b) /* - * + */ && text.charCodeAt(i + 1) === 0x20) {
        listMarkers++;
      } else {
        break;
      }
    }
    if (quotes > MAX_NESTING || listMarkers > MAX_NESTING || indent > MAX_NESTING * 4) {
      return `nested more than ${MAX_NESTING} levels deep`;
    }
    lineStart = end + 1;
  }
  return null;
}
