import { digestLines, type EmailItem, renderNotification } from './notification-text';

const details = (event: 'proposed' | 'accepted' | 'reply', documentId: string, paragraph: number | null = 2) => ({
  initiativeName: 'U4SSC',
  groupName: 'WG1',
  subjectTitle: 'Terms of reference of WG1',
  link: `https://example.test/terms/${documentId}`,
  discussion: { event, documentId, paragraph, versionNumber: 3, resolution: event === 'accepted' ? 'Clearer' : null },
});

describe('discussion notification texts', () => {
  it('says what happened in English, then in French', () => {
    expect(renderNotification('AMENDMENT_RESOLVED', details('accepted', 'd1'), 'UTC')).toEqual({
      title: 'Amendment accepted: Terms of reference of WG1 / Amendement accepté : Terms of reference of WG1',
      body:
        'Your amendment to "Terms of reference of WG1" (paragraph 2) (U4SSC / WG1) was accepted into version 3. Reason: Clearer\n' +
        'Votre amendement à "Terms of reference of WG1" (paragraphe 2) (U4SSC / WG1) a été intégré à la version 3. Motif : Clearer',
    });
  });

  it('makes one digest line per document and kind, whatever the number of notifications', () => {
    const items: EmailItem[] = [
      { kind: 'AMENDMENT_PROPOSED', details: details('proposed', 'd1') },
      { kind: 'AMENDMENT_PROPOSED', details: details('proposed', 'd1', 3) },
      {
        kind: 'WORK_ITEM_OVERDUE',
        details: { initiativeName: 'U4SSC', subjectTitle: 'Report', link: 'x', deadline: '2026-01-01T00:00:00Z' },
      },
      { kind: 'AMENDMENT_PROPOSED', details: details('proposed', 'd1', 4) },
      { kind: 'AMENDMENT_PROPOSED', details: details('proposed', 'd2') },
    ];
    expect(digestLines(items, 'UTC').map((l) => l.title)).toEqual([
      '3 amendments proposed: Terms of reference of WG1 / 3 amendements proposés : Terms of reference of WG1',
      'Overdue: Report',
      'Amendment proposed: Terms of reference of WG1 / Amendement proposé : Terms of reference of WG1',
    ]);
  });
});
