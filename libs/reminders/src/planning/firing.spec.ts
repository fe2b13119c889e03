import type { BallotDeadline, DeadlineSubject, RecipientFacts, WorkItemDeadline } from '@app/platform';
import type { NotificationDetails } from '../delivery/notification-text';
import { type DueReminder, notificationsOf, triageDue } from './firing';
import { DEFAULT_POLICY, planReminders } from './reminder-plan';

const DAY = 86_400_000;
const INIT = '00000000-0000-0000-0000-0000000000aa';
const OWNER = '00000000-0000-0000-0000-0000000000b1';
const CHAIR = '00000000-0000-0000-0000-0000000000c1';
const due = new Date('2016-07-22T09:00:00Z');
const now = new Date('2016-07-21T09:00:01Z');

const item = (id: string, fields: Partial<WorkItemDeadline> = {}): WorkItemDeadline => ({
  type: 'WORK_ITEM',
  id,
  initiativeId: INIT,
  ownerId: OWNER,
  dueAt: due,
  open: true,
  ...fields,
});
const ballot = (id: string, fields: Partial<BallotDeadline> = {}): BallotDeadline => ({
  type: 'BALLOT',
  id,
  initiativeId: INIT,
  state: 'OPEN',
  opensAt: new Date('2016-07-01T09:00:00Z'),
  closesAt: due,
  closedAt: null,
  ...fields,
});
/** The planned row of a subject's reminder of this kind and lead time, as the planner wrote it. */
function rowOf(subject: DeadlineSubject, kind: string, leadMs: number): DueReminder {
  const r = planReminders(subject, DEFAULT_POLICY, null).find((p) => p.kind === kind && p.leadMs === leadMs)!;
  return { jobId: r.jobId, kind: r.kind, subjectId: r.subjectId, leadMs: r.leadMs, dueAt: r.dueAt };
}
const details = (title: string): NotificationDetails => ({
  initiativeName: 'U4SSC',
  groupName: 'WG1 Indicators',
  subjectTitle: title,
  deadline: due.toISOString(),
  link: `https://wg.example.org/x/${title}`,
});

describe('triageDue', () => {
  const a = item('00000000-0000-0000-0000-000000000001');
  const b = item('00000000-0000-0000-0000-000000000002');
  const facts = new Map<string, RecipientFacts>([
    [a.id, { ownerId: OWNER, ownerInGroup: true, chairIds: [CHAIR] }],
    [b.id, { ownerId: OWNER, ownerInGroup: true, chairIds: [CHAIR] }],
  ]);
  const policies = new Map([[INIT, DEFAULT_POLICY]]);

  it('keeps reminders still in their plan, with their current recipients, in order', () => {
    const rows = [rowOf(a, 'WORK_ITEM_DUE', DAY), rowOf(b, 'WORK_ITEM_OVERDUE', 0)];
    const { stale, live } = triageDue(
      rows,
      new Map([
        [a.id, a],
        [b.id, b],
      ]),
      policies,
      facts,
      now,
    );
    expect(stale).toEqual([]);
    expect(live.map((l) => [l.row.jobId, l.recipients])).toEqual([
      [rows[0].jobId, [OWNER]],
      [rows[1].jobId, [OWNER, CHAIR]],
    ]);
  });

  it('marks stale: a vanished subject, a moved deadline, a done item, a policy without that lead time', () => {
    const rows = [rowOf(a, 'WORK_ITEM_DUE', DAY), rowOf(b, 'WORK_ITEM_DUE', 7 * DAY)];
    expect(triageDue(rows, new Map([[b.id, b]]), policies, facts, now).stale).toEqual([rows[0].jobId]);
    const moved = item(a.id, { dueAt: new Date(due.getTime() + DAY) });
    expect(
      triageDue(
        rows,
        new Map<string, DeadlineSubject>([
          [a.id, moved],
          [b.id, b],
        ]),
        policies,
        facts,
        now,
      ).stale,
    ).toEqual([rows[0].jobId]);
    const done = item(b.id, { open: false });
    expect(
      triageDue(
        rows,
        new Map<string, DeadlineSubject>([
          [a.id, a],
          [b.id, done],
        ]),
        policies,
        facts,
        now,
      ).stale,
    ).toEqual([rows[1].jobId]);
    const onlyOneDay = new Map([[INIT, { leadTimesMs: [DAY], remindOverdue: true }]]);
    expect(
      triageDue(
        rows,
        new Map([
          [a.id, a],
          [b.id, b],
        ]),
        onlyOneDay,
        facts,
        now,
      ).stale,
    ).toEqual([rows[1].jobId]);
  });

  it('marks stale a closing reminder of a ballot whose closing time has passed', () => {
    const open = ballot('00000000-0000-0000-0000-0000000000d1');
    const row = rowOf(open, 'BALLOT_CLOSING', DAY);
    const ballotFacts = new Map<string, RecipientFacts>([[open.id, { electorIds: ['e1', 'e2'], voterIds: ['e2'] }]]);
    expect(triageDue([row], new Map([[open.id, open]]), policies, ballotFacts, now).live[0].recipients).toEqual(['e1']);
    expect(triageDue([row], new Map([[open.id, open]]), policies, ballotFacts, new Date(due.getTime() + 1)).stale).toEqual([
      row.jobId,
    ]);
  });
});

describe('notificationsOf', () => {
  const a = item('00000000-0000-0000-0000-000000000001');
  const opened = ballot('00000000-0000-0000-0000-0000000000d1');

  it('renders one notification per existing recipient, in their own time zone; events have no deadline key', () => {
    const live = [
      { row: rowOf(a, 'WORK_ITEM_OVERDUE', 0), subject: a, recipients: [OWNER, CHAIR, 'gone'] },
      { row: rowOf(opened, 'BALLOT_OPENED', 0), subject: opened, recipients: [OWNER] },
    ];
    const out = notificationsOf(
      live,
      new Map([
        [a.id, details('KPI report')],
        [opened.id, details('ToR v2')],
      ]),
      new Map([
        [OWNER, 'Asia/Tokyo'],
        [CHAIR, 'Europe/Zurich'],
      ]),
    );
    expect(out.map((n) => [n.personId, n.kind, n.title, n.dueAt?.toISOString() ?? null, n.leadMs])).toEqual([
      [OWNER, 'WORK_ITEM_OVERDUE', 'Overdue: KPI report', due.toISOString(), 0],
      [CHAIR, 'WORK_ITEM_OVERDUE', 'Overdue: KPI report', due.toISOString(), 0],
      [OWNER, 'BALLOT_OPENED', out[2].title, null, null],
    ]);
    expect(out[0].body).toContain('(Asia/Tokyo)');
    expect(out[1].body).toContain('(Europe/Zurich)');
    expect(out[0].details).toEqual({ ...details('KPI report'), leadMs: 0 });
    expect(out.every((n) => n.initiativeId === INIT)).toBe(true);
  });

  it('creates nothing for a subject without details or without recipients', () => {
    const live = [{ row: rowOf(a, 'WORK_ITEM_DUE', DAY), subject: a, recipients: [OWNER] }];
    expect(notificationsOf(live, new Map(), new Map([[OWNER, 'UTC']]))).toEqual([]);
    expect(notificationsOf([{ ...live[0], recipients: [] }], new Map([[a.id, details('x')]]), new Map([[OWNER, 'UTC']]))).toEqual(
      [],
    );
  });
});
