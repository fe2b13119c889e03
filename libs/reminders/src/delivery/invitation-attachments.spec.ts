import ICAL from 'ical.js';
import type { InvitationDetails } from '../calendar/invitation-ical';
import { invitationAttachments, organizerOf } from './invitation-attachments';
import type { EmailItem } from './notification-text';

const invitation = (sequence: number, method: 'REQUEST' | 'CANCEL' = 'REQUEST'): InvitationDetails => ({
  method,
  sequence,
  timeZone: 'Europe/Zurich',
  location: null,
  description: null,
  events: [{ uid: 'meeting-a-1@wgcollab', startsAt: '2030-07-21T15:00:00.000Z', endsAt: '2030-07-21T17:00:00.000Z', title: 'A' }],
});
const item = (link: string, details: InvitationDetails | undefined, kind: EmailItem['kind'] = 'MEETING_UPDATED'): EmailItem => ({
  kind,
  details: { initiativeName: 'U4SSC', subjectTitle: 'A', link, invitation: details },
});
const ana = { name: 'Ana', email: 'ana@example.org' };

describe('invitationAttachments', () => {
  it('reads the organizer from MAIL_FROM', () => {
    expect(organizerOf('Working groups <no-reply@localhost>')).toEqual({ name: 'Working groups', email: 'no-reply@localhost' });
    expect(organizerOf('no-reply@example.org')).toEqual({ name: '', email: 'no-reply@example.org' });
  });

  it('attaches the latest revision of each meeting once (a digest), none for other kinds', () => {
    const files = invitationAttachments(
      [
        item('https://wg/meetings/a', invitation(0), 'MEETING_ANNOUNCED'),
        item('https://wg/meetings/a', invitation(1)),
        item('https://wg/meetings/b', invitation(3, 'CANCEL'), 'MEETING_CANCELLED'),
        item('https://wg/ballots/c', undefined, 'BALLOT_OPENED'),
      ],
      'Working groups <no-reply@localhost>',
      ana,
    );
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([
      ['invitation-1.ics', 'text/calendar; charset=utf-8; method=REQUEST'],
      ['invitation-2.ics', 'text/calendar; charset=utf-8; method=CANCEL'],
    ]);
    const sequences = files.map(
      (f) => new ICAL.Event(new ICAL.Component(ICAL.parse(f.content)).getFirstSubcomponent('vevent')!).sequence,
    );
    expect(sequences).toEqual([1, 3]);
    expect(invitationAttachments([item('https://wg/ballots/c', undefined, 'BALLOT_OPENED')], 'x@y', ana)).toEqual([]);
  });

  it('cancels the sessions an update removed in a file of their own, with the update’s SEQUENCE', () => {
    const dropped = {
      uid: 'meeting-a-2@wgcollab',
      startsAt: '2030-07-22T07:00:00.000Z',
      endsAt: '2030-07-22T14:00:00.000Z',
      title: 'A',
    };
    const files = invitationAttachments(
      [item('https://wg/meetings/a', { ...invitation(2), dropped: [dropped] })],
      'x@example.org',
      ana,
    );
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([
      ['invitation.ics', 'text/calendar; charset=utf-8; method=REQUEST'],
      ['cancelled.ics', 'text/calendar; charset=utf-8; method=CANCEL'],
    ]);
    const events = files.map((f) => {
      const calendar = new ICAL.Component(ICAL.parse(f.content));
      const e = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      return [calendar.getFirstPropertyValue('method'), e.uid, e.sequence];
    });
    expect(events).toEqual([
      ['REQUEST', 'meeting-a-1@wgcollab', 2],
      ['CANCEL', 'meeting-a-2@wgcollab', 2],
    ]);
  });
});
