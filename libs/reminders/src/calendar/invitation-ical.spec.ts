import ICAL from 'ical.js';
import { type InvitationDetails, renderInvitation } from './invitation-ical';
import { offsetMinutes, transitions, vtimezone } from './vtimezone';

/** U4SSC meeting 1: ITU headquarters, Geneva, 21 July 2016 17:00-19:00 and 22 July 2016 09:00-16:00. */
const meeting1: InvitationDetails = {
  method: 'REQUEST',
  sequence: 0,
  timeZone: 'Europe/Zurich',
  location: 'ITU headquarters, Rue de Varembé 2, Geneva',
  description: 'First meeting; approve the structure, the terms of reference; work plans.',
  events: [
    { uid: 'meeting-1-1@wgcollab', startsAt: '2016-07-21T15:00:00.000Z', endsAt: '2016-07-21T17:00:00.000Z', title: 'U4SSC 1' },
    { uid: 'meeting-1-2@wgcollab', startsAt: '2016-07-22T07:00:00.000Z', endsAt: '2016-07-22T14:00:00.000Z', title: 'U4SSC 1' },
  ],
};
const meta = {
  url: 'https://wg.example/meetings/1',
  organizer: { name: 'Working groups', email: 'no-reply@wg.example' },
  attendee: { name: 'Ana Chair', email: 'ana@wg.example' },
  now: new Date('2016-07-01T00:00:00Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.reset();
  ICAL.TimezoneService.register(zone);
  return { calendar, zone, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('vtimezone', () => {
  it('finds the changes of Europe/Zurich to the minute, and none in Asia/Tokyo', () => {
    const found = transitions('Europe/Zurich', new Date('2016-01-01T00:00:00Z'), new Date('2017-01-01T00:00:00Z'));
    expect(found.map((t) => [t.at.toISOString(), t.from, t.to])).toEqual([
      ['2016-03-27T01:00:00.000Z', 60, 120],
      ['2016-10-30T01:00:00.000Z', 120, 60],
    ]);
    expect(transitions('Asia/Tokyo', new Date('2016-01-01T00:00:00Z'), new Date('2017-01-01T00:00:00Z'))).toEqual([]);
    expect(offsetMinutes('Asia/Kolkata', new Date('2016-07-01T00:00:00Z'))).toBe(330);
  });

  it('writes yearly rules for a regular zone, one STANDARD observance for a zone without changes', () => {
    expect(vtimezone('Europe/Zurich', new Date('2016-07-21T15:00:00Z'), new Date('2016-07-22T14:00:00Z'))).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Zurich',
      'BEGIN:DAYLIGHT',
      'DTSTART:20150329T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZNAME:CEST',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20151025T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZNAME:CET',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    expect(vtimezone('Asia/Tokyo', new Date('2016-07-21T15:00:00Z'), new Date('2016-07-22T14:00:00Z'))).toContain(
      'TZOFFSETTO:+0900',
    );
  });
});

describe('renderInvitation, parsed with ical.js', () => {
  it('is a METHOD:REQUEST with one VEVENT per session, in the meeting zone with its VTIMEZONE', () => {
    const { calendar, zone, events } = parse(renderInvitation(meeting1, meta));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Zurich');
    expect(
      events.map((e) => [
        e.uid,
        e.sequence,
        e.component.getFirstProperty('dtstart')!.getParameter('tzid'),
        e.startDate.toString(),
        e.endDate.toString(),
      ]),
    ).toEqual([
      ['meeting-1-1@wgcollab', 0, 'Europe/Zurich', '2016-07-21T17:00:00', '2016-07-21T19:00:00'],
      ['meeting-1-2@wgcollab', 0, 'Europe/Zurich', '2016-07-22T09:00:00', '2016-07-22T16:00:00'],
    ]);
    // The instants, through the VTIMEZONE: 17:00 in Geneva is 15:00 UTC.
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2016-07-21T15:00:00.000Z',
      '2016-07-22T07:00:00.000Z',
    ]);
    expect(events[0].location).toBe('ITU headquarters, Rue de Varembé 2, Geneva');
    expect(events[0].organizer).toBe('mailto:no-reply@wg.example');
    expect(events[0].attendees.map((a) => a.getFirstValue())).toEqual(['mailto:ana@wg.example']);
  });

  it('keeps the instants of a session on a daylight-saving change day (Europe/Zurich, 27 March 2016)', () => {
    const dst: InvitationDetails = {
      ...meeting1,
      events: [{ uid: 'u-1', startsAt: '2016-03-27T00:30:00.000Z', endsAt: '2016-03-27T08:00:00.000Z', title: 'Night' }],
    };
    const { events } = parse(renderInvitation(dst, meta));
    expect([events[0].startDate.toString(), events[0].endDate.toString()]).toEqual([
      '2016-03-27T01:30:00',
      '2016-03-27T10:00:00',
    ]);
    expect(events[0].startDate.toJSDate().toISOString()).toBe('2016-03-27T00:30:00.000Z');
    expect(events[0].endDate.toJSDate().toISOString()).toBe('2016-03-27T08:00:00.000Z');
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED and the same UIDs', () => {
    const { calendar, events } = parse(renderInvitation({ ...meeting1, method: 'CANCEL', sequence: 2 }, meta));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events.map((e) => [e.uid, e.sequence, e.component.getFirstPropertyValue('status')])).toEqual([
      ['meeting-1-1@wgcollab', 2, 'CANCELLED'],
      ['meeting-1-2@wgcollab', 2, 'CANCELLED'],
    ]);
  });
});
