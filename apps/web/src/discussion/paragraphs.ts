/**
 * Paragraphs of a terms-of-reference text as the server numbers them: blocks separated by blank
 * lines (a line of only spaces counts as blank), numbered from 1. The same rule as
 * libs/discussion/src/amendments/paragraphs.ts: a comment or amendment names a paragraph by number.
 */
const BLANK_LINES = /\r?\n[ \t]*\r?\n(?:[ \t]*\r?\n)*/;

export function paragraphsOf(text: string): string[] {
  return text
    .split(BLANK_LINES)
    .map((p) => p.replace(/^\s*\n/, '').replace(/\s+$/, ''))
    .filter((p) => p.trim().length > 0);
}
