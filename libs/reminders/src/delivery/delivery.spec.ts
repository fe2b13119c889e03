import { digestDueOn } from './digest-window';
import { notificationDetailsOf, renderDigest, renderEmail } from './notification-text';
import { formatInZone, localDateAndHour } from './time-format';

const details = {
  initiativeName: 'U4SSC',
  groupName: 'WG1 Setting the Framework',
  subjectTitle: 'KPI report <draft>',
  deadline: '2016-07-22T09:00:00.000Z',
  leadMs: 86_400_000,
  link: 'https://wg.example/work-items/1',
};

describe('time formatting', () => {
  it('shows an instant in the recipient zone', () => {
    expect(formatInZone(new Date(details.deadline), 'Asia/Tokyo')).toBe('Fri, 22 Jul 2016, 18:00 (Asia/Tokyo)');
    expect(formatInZone(new Date(details.deadline), 'America/New_York')).toBe('Fri, 22 Jul 2016, 05:00 (America/New_York)');
    expect(formatInZone(new Date(details.deadline), 'Not/AZone')).toBe('Fri, 22 Jul 2016, 09:00 (UTC)');
  });
  it('gives the local date and hour', () => {
    expect(localDateAndHour(new Date('2016-07-22T23:30:00Z'), 'Asia/Tokyo')).toEqual({ date: '2016-07-23', hour: 8 });
  });
});

describe('renderEmail', () => {
  it('names initiative, group and item, with the deadline in the zone and UTC, text and HTML', () => {
    const mail = renderEmail({ kind: 'WORK_ITEM_DUE', details }, 'Ada', 'Asia/Tokyo');
    expect(mail.subject).toBe('Due in 1 day: KPI report <draft>');
    expect(mail.text).toContain('U4SSC / WG1 Setting the Framework');
    expect(mail.text).toContain('Deadline (your time): Fri, 22 Jul 2016, 18:00 (Asia/Tokyo)');
    expect(mail.text).toContain('Deadline (UTC): Fri, 22 Jul 2016, 09:00 UTC');
    expect(mail.text).toContain('Open: https://wg.example/work-items/1');
    expect(mail.html).toContain('KPI report &lt;draft&gt;');
    expect(mail.html).not.toContain('<draft>');
  });
  it('lists several notifications in a digest', () => {
    const mail = renderDigest(
      [
        { kind: 'WORK_ITEM_DUE', details },
        { kind: 'WORK_ITEM_OVERDUE', details },
      ],
      'Ada',
      'UTC',
      '2016-07-22',
    );
    expect(mail.subject).toBe('Daily digest: 2 notifications (2016-07-22)');
    expect(mail.text.match(/^- /gm)).toHaveLength(2);
  });
});

describe('digestDueOn', () => {
  it('is due from 08:00 local time, once per local day', () => {
    expect(digestDueOn('Asia/Tokyo', new Date('2016-07-22T22:59:00Z'), null)).toBeNull();
    expect(digestDueOn('Asia/Tokyo', new Date('2016-07-22T23:00:00Z'), null)).toBe('2016-07-23');
    expect(digestDueOn('Asia/Tokyo', new Date('2016-07-22T23:00:00Z'), '2016-07-23')).toBeNull();
    expect(digestDueOn('America/New_York', new Date('2016-07-22T12:00:00Z'), '2016-07-21')).toBe('2016-07-22');
  });
});

describe('notificationDetailsOf', () => {
  it('stores what a deadline source says about the subject, with an absolute link and the deadline as ISO text', () => {
    const due = new Date('2016-07-22T09:00:00.000Z');
    const item = { initiativeName: 'U4SSC', groupName: 'WG1 KPIs', subjectTitle: 'Report', deadline: due, path: 'work-items/1' };
    expect(notificationDetailsOf(item, 'https://wg.example')).toStrictEqual({
      initiativeName: 'U4SSC',
      groupName: 'WG1 KPIs',
      subjectTitle: 'Report',
      deadline: '2016-07-22T09:00:00.000Z',
      link: 'https://wg.example/work-items/1',
    });
    const ballot = {
      initiativeName: 'U4SSC',
      groupName: null,
      subjectTitle: 'ToR',
      deadline: due,
      outcome: null,
      path: 'ballots/2',
    };
    expect(notificationDetailsOf(ballot, 'https://wg.example')).toStrictEqual({
      initiativeName: 'U4SSC',
      groupName: null,
      subjectTitle: 'ToR',
      deadline: '2016-07-22T09:00:00.000Z',
      outcome: null,
      link: 'https://wg.example/ballots/2',
    });
    expect(notificationDetailsOf({ ...item, deadline: null }, 'https://wg.example').deadline).toBeNull();
  });
});
