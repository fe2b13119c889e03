/**
 * The "disposition of comments" of a document, as ITU secretariats produce by hand: every comment
 * (replies too) and every amendment, with its status and resolution, in Markdown and in CSV.
 * Pure: the service gives the rows, already in order (oldest first), with names resolved.
 */

export interface DispositionComment {
  id: string;
  author: string;
  versionNumber: number | null;
  paragraph: number | null;
  body: string;
  /** The id of the comment replied to. */
  parentId: string | null;
  deleted: boolean;
  createdAt: Date;
  editedAt: Date | null;
}

export interface DispositionAmendment {
  id: string;
  proposer: string;
  baseVersionNumber: number;
  paragraph: number;
  originalText: string;
  proposedText: string;
  rationale: string | null;
  status: string;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resultingVersionNumber: number | null;
  createdAt: Date;
}

export interface Disposition {
  title: string;
  currentVersionNumber: number;
  comments: DispositionComment[];
  amendments: DispositionAmendment[];
}

const utc = (at: Date) => at.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/** A comment's status: DELETED, SUPERSEDED (a newer version exists than the one it is on) or OPEN. */
export function commentStatus(c: DispositionComment, currentVersionNumber: number): string {
  if (c.deleted) return 'DELETED';
  if (c.versionNumber !== null && c.versionNumber < currentVersionNumber) return 'SUPERSEDED';
  return 'OPEN';
}

/** Numbers C1, C2... for comments and A1, A2... for amendments, in the order given. */
function numbering(d: Disposition): { commentNo: Map<string, string> } {
  return { commentNo: new Map(d.comments.map((c, i) => [c.id, `C${i + 1}`])) };
}

/** A Markdown table cell: one line, pipes escaped, HTML not interpreted. */
const cell = (text: string | number | null): string =>
  text === null || text === ''
    ? '–'
    : String(text)
        .replace(/\\/g, '\\\\')
        .replace(/[<>&]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[ch] as string)
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');

export function dispositionMarkdown(d: Disposition): string {
  const { commentNo } = numbering(d);
  const lines = [
    `# Disposition of comments: ${cell(d.title)}`,
    '',
    `Current version: ${d.currentVersionNumber}. Comments: ${d.comments.length}. Amendments: ${d.amendments.length}.`,
    '',
    '## Comments',
    '',
  ];
  if (!d.comments.length) lines.push('None.');
  else {
    lines.push(
      '| No. | Author | Version | Paragraph | Reply to | Comment | Status | Date |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const c of d.comments) {
      const date = utc(c.createdAt) + (c.editedAt ? ` (edited ${utc(c.editedAt)})` : '');
      lines.push(
        `| ${commentNo.get(c.id)} | ${cell(c.author)} | ${cell(c.versionNumber)} | ${cell(c.paragraph)} | ${cell(c.parentId ? (commentNo.get(c.parentId) ?? null) : null)} | ${cell(c.body)} | ${commentStatus(c, d.currentVersionNumber)} | ${date} |`,
      );
    }
  }
  lines.push('', '## Amendments', '');
  if (!d.amendments.length) lines.push('None.');
  else {
    lines.push(
      '| No. | Proposer | Version | Paragraph | Original text | Proposed text | Rationale | Status | Resolution | Resolved by | Resulting version | Date |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    d.amendments.forEach((a, i) => {
      lines.push(
        `| A${i + 1} | ${cell(a.proposer)} | ${a.baseVersionNumber} | ${a.paragraph} | ${cell(a.originalText)} | ${cell(a.proposedText || '(delete the paragraph)')} | ${cell(a.rationale)} | ${a.status} | ${cell(a.resolution)} | ${cell(a.resolvedBy)} | ${cell(a.resultingVersionNumber)} | ${utc(a.createdAt)} |`,
      );
    });
  }
  return lines.join('\n') + '\n';
}

/**
 * A CSV field (RFC 4180): quoted when needed; a text a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe.
 */
function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_HEADER = [
  'Type',
  'No.',
  'Author',
  'Version',
  'Paragraph',
  'Reply to',
  'Text',
  'Proposed text',
  'Rationale',
  'Status',
  'Resolution',
  'Resolved by',
  'Resulting version',
  'Created (UTC)',
  'Edited (UTC)',
];

export function dispositionCsv(d: Disposition): string {
  const { commentNo } = numbering(d);
  const records: (string | number | null)[][] = [CSV_HEADER];
  for (const c of d.comments) {
    records.push([
      'COMMENT',
      commentNo.get(c.id) as string,
      c.author,
      c.versionNumber,
      c.paragraph,
      c.parentId ? (commentNo.get(c.parentId) ?? null) : null,
      c.body,
      null,
      null,
      commentStatus(c, d.currentVersionNumber),
      null,
      null,
      null,
      c.createdAt.toISOString(),
      c.editedAt?.toISOString() ?? null,
    ]);
  }
  d.amendments.forEach((a, i) => {
    records.push([
      'AMENDMENT',
      `A${i + 1}`,
      a.proposer,
      a.baseVersionNumber,
      a.paragraph,
      null,
      a.originalText,
      a.proposedText,
      a.rationale,
      a.status,
      a.resolution,
      a.resolvedBy,
      a.resultingVersionNumber,
      a.createdAt.toISOString(),
      null,
    ]);
  });
  return records.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
