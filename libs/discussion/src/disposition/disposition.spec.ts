import { type Disposition, dispositionCsv, dispositionMarkdown } from './disposition';

const at = (s: string) => new Date(`2026-03-0${s}Z`);

const fixture: Disposition = {
  title: 'ToR | WG1',
  currentVersionNumber: 2,
  comments: [
    {
      id: 'c1',
      author: 'Ana',
      versionNumber: 1,
      paragraph: 2,
      body: 'Too vague,\nsay "who"',
      parentId: null,
      deleted: false,
      createdAt: at('1T09:00:00'),
      editedAt: at('1T10:00:00'),
    },
    {
      id: 'c2',
      author: 'Bo',
      versionNumber: 1,
      paragraph: 2,
      body: '=SUM(A1)',
      parentId: 'c1',
      deleted: false,
      createdAt: at('2T09:00:00'),
      editedAt: null,
    },
    {
      id: 'c3',
      author: 'Cy',
      versionNumber: 2,
      paragraph: null,
      body: '[deleted]',
      parentId: null,
      deleted: true,
      createdAt: at('3T09:00:00'),
      editedAt: null,
    },
  ],
  amendments: [
    {
      id: 'a1',
      proposer: 'Ana',
      baseVersionNumber: 1,
      paragraph: 2,
      originalText: 'Members meet.',
      proposedText: 'Members meet twice a year.',
      rationale: null,
      status: 'ACCEPTED',
      resolution: 'Agreed',
      resolvedBy: 'Chair',
      resolvedAt: at('4T09:00:00'),
      resultingVersionNumber: 2,
      createdAt: at('1T11:00:00'),
    },
  ],
};

describe('disposition of comments', () => {
  it('renders Markdown tables, one line per comment and amendment', () => {
    expect(dispositionMarkdown(fixture)).toBe(
      [
        '# Disposition of comments: ToR \\| WG1',
        '',
        'Current version: 2. Comments: 3. Amendments: 1.',
        '',
        '## Comments',
        '',
        '| No. | Author | Version | Paragraph | Reply to | Comment | Status | Date |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| C1 | Ana | 1 | 2 | – | Too vague,<br>say "who" | SUPERSEDED | 2026-03-01 09:00 UTC (edited 2026-03-01 10:00 UTC) |',
        '| C2 | Bo | 1 | 2 | C1 | =SUM(A1) | SUPERSEDED | 2026-03-02 09:00 UTC |',
        '| C3 | Cy | 2 | – | – | [deleted] | DELETED | 2026-03-03 09:00 UTC |',
        '',
        '## Amendments',
        '',
        '| No. | Proposer | Version | Paragraph | Original text | Proposed text | Rationale | Status | Resolution | Resolved by | Resulting version | Date |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        '| A1 | Ana | 1 | 2 | Members meet. | Members meet twice a year. | – | ACCEPTED | Agreed | Chair | 2 | 2026-03-01 11:00 UTC |',
        '',
      ].join('\n'),
    );
  });

  it('renders RFC 4180 CSV with formulas defused', () => {
    expect(dispositionCsv(fixture).split('\r\n')).toEqual([
      'Type,No.,Author,Version,Paragraph,Reply to,Text,Proposed text,Rationale,Status,Resolution,Resolved by,Resulting version,Created (UTC),Edited (UTC)',
      'COMMENT,C1,Ana,1,2,,"Too vague,\nsay ""who""",,,SUPERSEDED,,,,2026-03-01T09:00:00.000Z,2026-03-01T10:00:00.000Z',
      "COMMENT,C2,Bo,1,2,C1,'=SUM(A1),,,SUPERSEDED,,,,2026-03-02T09:00:00.000Z,",
      'COMMENT,C3,Cy,2,,,[deleted],,,DELETED,,,,2026-03-03T09:00:00.000Z,',
      'AMENDMENT,A1,Ana,1,2,,Members meet.,Members meet twice a year.,,ACCEPTED,Agreed,Chair,2,2026-03-01T11:00:00.000Z,',
      '',
    ]);
  });
});
