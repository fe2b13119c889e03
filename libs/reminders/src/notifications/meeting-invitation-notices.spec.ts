import { type Invitation, TOPICS } from '@app/platform';
import { noticeKind } from './meeting-invitation-notices';

const now = (status: Invitation['status']): Invitation => ({
  id: 'm',
  initiativeId: 'i',
  status,
  sequence: 0,
  timeZone: 'Europe/Zurich',
  location: null,
  description: null,
  events: [],
  inviteeIds: [],
  cancellationReason: null,
});

describe('noticeKind', () => {
  it('announces a meeting the invitees still hold, not one cancelled or closed since', () => {
    const announced = { topic: TOPICS.meetingAnnounced, payload: { status: 'ANNOUNCED' } };
    expect(
      ['ANNOUNCED', 'IN_PROGRESS', 'CANCELLED', 'CLOSED'].map((s) => noticeKind(announced, now(s as Invitation['status']))),
    ).toEqual(['MEETING_ANNOUNCED', 'MEETING_ANNOUNCED', null, null]);
  });

  it('tells updates of an announced meeting only (a DRAFT tells nobody)', () => {
    const updated = (status: string) => ({ topic: TOPICS.meetingUpdated, payload: { status } });
    expect(noticeKind(updated('ANNOUNCED'), now('ANNOUNCED'))).toBe('MEETING_UPDATED');
    expect(noticeKind(updated('IN_PROGRESS'), now('IN_PROGRESS'))).toBe('MEETING_UPDATED');
    expect(noticeKind(updated('DRAFT'), now('ANNOUNCED'))).toBeNull();
    expect(noticeKind(updated('ANNOUNCED'), now('CANCELLED'))).toBeNull();
  });

  it('cancels only what was announced; other topics tell nothing', () => {
    const cancelled = (from: string) => ({ topic: TOPICS.meetingCancelled, payload: { from } });
    expect(noticeKind(cancelled('ANNOUNCED'), now('CANCELLED'))).toBe('MEETING_CANCELLED');
    expect(noticeKind(cancelled('DRAFT'), now('CANCELLED'))).toBeNull();
    expect(noticeKind({ topic: TOPICS.meetingClosed, payload: {} }, now('CLOSED'))).toBeNull();
  });
});
