/**
 * Rules for the texts people write in a discussion (comment bodies, proposals, rationales,
 * reasons), shared by the inputs' validators. Pure.
 */

/** Longest comment body, reply or reason. */
export const MAX_COMMENT_LENGTH = 10_000;
/** Longest proposed paragraph. */
export const MAX_PROPOSED_TEXT_LENGTH = 20_000;
/** Longest rationale or resolution. */
export const MAX_REASON_LENGTH = 5_000;

/**
 * Control characters other than tab and line breaks: they have no place in prose and would
 * corrupt the disposition export (CSV and Markdown) and e-mails.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Has a character other than white space. */
export const NOT_BLANK = /\S/;

/** Whether the text holds no control character other than tab and line breaks. */
export const isPlainText = (text: string): boolean => !CONTROL_CHARACTERS.test(text);
