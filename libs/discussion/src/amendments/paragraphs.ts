/**
 * Paragraphs of a terms-of-reference text: blocks separated by blank lines (a line holding only
 * spaces counts as blank). Numbered from 1. Pure: no Nest, no database.
 */

const BLANK_LINES = /\r?\n[ \t]*\r?\n(?:[ \t]*\r?\n)*/;

/** The paragraphs of a text, in order, without their surrounding blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(BLANK_LINES)
    .map((p) => p.replace(/^\s*\n/, '').replace(/\s+$/, ''))
    .filter((p) => p.trim().length > 0);
}

/** A replacement of one paragraph (1-based); an empty text deletes the paragraph. */
export interface ParagraphChange {
  paragraph: number;
  text: string;
}

/**
 * The text with each change applied to the paragraph it names, paragraphs joined by one blank
 * line. Changes must name distinct paragraphs within the text (the caller checks both).
 */
export function applyParagraphChanges(text: string, changes: readonly ParagraphChange[]): string {
  const paragraphs: (string | null)[] = paragraphsOf(text);
  for (const change of changes) {
    const replacement = change.text.trim();
    paragraphs[change.paragraph - 1] = replacement.length ? replacement : null;
  }
  return paragraphs.filter((p): p is string => p !== null).join('\n\n') + '\n';
}
