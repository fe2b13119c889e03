import type { MeetingDeadline, WorkItemDeadline } from '@app/platform';
import { DEFAULT_POLICY, diffPlan, planReminders, reminderJobId, stillPlanned } from './reminder-plan';

const S = 1000;
const DAY = 86_400_000;
const due = new Date('2016-07-22T09:00:00Z');
const item = (fields: Partial<WorkItemDeadline> = {}): WorkItemDeadline => ({
  type: 'WORK_ITEM',
  id: '00000000-0000-0000-0000-000000000001',
  initiativeId: '00000000-0000-0000-0000-0000000000aa',
  ownerId: '00000000-0000-0000-0000-0000000000b1',
  dueAt: due,
  open: true,
  ...fields,
});

describe('planReminders', () => {
  it('plans the default lead times and the overdue reminder, long leads first', () => {
    const plan = planReminders(item(), DEFAULT_POLICY, new Date('2016-07-01T00:00:00Z'));
    expect(plan.map((r) => [r.kind, r.leadMs, r.fireAt.toISOString()])).toEqual([
      ['WORK_ITEM_DUE', 14 * DAY, '2016-07-08T09:00:00.000Z'],
      ['WORK_ITEM_DUE', 7 * DAY, '2016-07-15T09:00:00.000Z'],
      ['WORK_ITEM_DUE', DAY, '2016-07-21T09:00:00.000Z'],
      ['WORK_ITEM_OVERDUE', 0, '2016-07-22T09:00:00.000Z'],
    ]);
  });

  it('skips lead times whose moment has passed but keeps the overdue reminder', () => {
    const plan = planReminders(item(), DEFAULT_POLICY, new Date('2016-07-23T00:00:00Z'));
    expect(plan.map((r) => r.kind)).toEqual(['WORK_ITEM_OVERDUE']);
    const plan2 = planReminders(item(), DEFAULT_POLICY, new Date('2016-07-16T00:00:00Z'));
    expect(plan2.map((r) => r.leadMs)).toEqual([DAY, 0]);
  });

  it('plans nothing for finished (DONE, CANCELLED) or undated items', () => {
    for (const f of [{ open: false }, { dueAt: null }]) {
      expect(planReminders(item(f), DEFAULT_POLICY, null)).toEqual([]);
    }
  });

  it('addresses the chairs without an owner, and a new owner gets new job ids', () => {
    const withOwner = planReminders(item(), { leadTimesMs: [2 * S], remindOverdue: true }, null);
    const noOwner = planReminders(item({ ownerId: null }), { leadTimesMs: [2 * S], remindOverdue: true }, null);
    expect(noOwner.map((r) => r.recipientKey)).toEqual(['chairs', 'chairs']);
    expect(withOwner[0].recipientKey).toBe('owner-00000000-0000-0000-0000-0000000000b1');
    expect(new Set([...withOwner, ...noOwner].map((r) => r.jobId)).size).toBe(4);
  });

  it('builds deterministic job ids without colons', () => {
    const id = reminderJobId('WORK_ITEM_DUE', 'x', 'chairs', 2000, due);
    expect(id).toBe(`rem_WORK_ITEM_DUE_x_chairs_2000_${due.getTime()}`);
    expect(id).not.toContain(':');
  });

  it('dedupes and ignores invalid lead times; remindOverdue false drops the overdue reminder', () => {
    const plan = planReminders(item(), { leadTimesMs: [DAY, DAY, -5, 0], remindOverdue: false }, null);
    expect(plan.map((r) => r.leadMs)).toEqual([DAY]);
  });

  it('plans ballot events and closing reminders, none after cancellation', () => {
    const ballot = {
      type: 'BALLOT' as const,
      id: 'b',
      initiativeId: 'i',
      state: 'OPEN' as const,
      opensAt: new Date('2016-07-01T00:00:00Z'),
      closesAt: new Date('2016-07-10T00:00:00Z'),
      closedAt: null,
    };
    const open = planReminders(ballot, DEFAULT_POLICY, new Date('2016-07-01T00:00:01Z'));
    expect(open.map((r) => [r.kind, r.leadMs])).toEqual([
      ['BALLOT_OPENED', 0],
      ['BALLOT_CLOSING', 7 * DAY],
      ['BALLOT_CLOSING', DAY],
    ]);
    const closed = planReminders(
      { ...ballot, state: 'CLOSED', closedAt: ballot.closesAt },
      DEFAULT_POLICY,
      new Date('2016-07-10T00:00:01Z'),
    );
    expect(closed.map((r) => r.kind)).toEqual(['BALLOT_OPENED', 'BALLOT_CLOSED']);
    expect(planReminders({ ...ballot, state: 'CANCELLED' }, DEFAULT_POLICY, null)).toEqual([]);
  });
});

describe('planReminders of meetings', () => {
  const meeting = (fields: Partial<MeetingDeadline> = {}): MeetingDeadline => ({
    type: 'MEETING',
    id: '00000000-0000-0000-0000-000000000015',
    initiativeId: '00000000-0000-0000-0000-0000000000aa',
    status: 'ANNOUNCED',
    startsAt: new Date('2016-07-21T15:00:00Z'),
    closedAt: null,
    minutesFinal: false,
    ...fields,
  });

  it('plans MEETING_UPCOMING at each lead time before the first session while ANNOUNCED, and nothing else', () => {
    const plan = planReminders(meeting(), DEFAULT_POLICY, new Date('2016-07-10T00:00:00Z'));
    expect(plan.map((r) => [r.kind, r.recipientKey, r.leadMs, r.fireAt.toISOString()])).toEqual([
      ['MEETING_UPCOMING', 'invitees', 7 * DAY, '2016-07-14T15:00:00.000Z'],
      ['MEETING_UPCOMING', 'invitees', DAY, '2016-07-20T15:00:00.000Z'],
    ]);
    for (const status of ['DRAFT', 'IN_PROGRESS', 'CANCELLED'] as const)
      expect(planReminders(meeting({ status }), DEFAULT_POLICY, null)).toEqual([]);
  });

  it('plans MINUTES_MISSING once, 10 days after closing, unless the minutes are FINAL', () => {
    const closedAt = new Date('2016-07-22T14:00:00Z');
    const plan = planReminders(meeting({ status: 'CLOSED', closedAt }), DEFAULT_POLICY, new Date('2016-08-30T00:00:00Z'));
    expect(plan.map((r) => [r.kind, r.recipientKey, r.leadMs, r.dueAt.toISOString(), r.fireAt.toISOString()])).toEqual([
      ['MINUTES_MISSING', 'minutes-owners', 0, '2016-08-01T14:00:00.000Z', '2016-08-01T14:00:00.000Z'],
    ]);
    expect(planReminders(meeting({ status: 'CLOSED', closedAt, minutesFinal: true }), DEFAULT_POLICY, null)).toEqual([]);
  });
});

describe('diffPlan and stillPlanned', () => {
  const policy = { leadTimesMs: [2 * S], remindOverdue: true };
  it('keeps a pending reminder whose moment just passed, and removes those of an old deadline', () => {
    const before = planReminders(item(), policy, null).map((r) => r.jobId);
    const justAfterLead = new Date(due.getTime() - 1 * S);
    expect(diffPlan(item(), policy, justAfterLead, before)).toEqual({ add: [], remove: [] });
    const moved = item({ dueAt: new Date(due.getTime() + 60 * S) });
    const diff = diffPlan(moved, policy, justAfterLead, before);
    expect(diff.remove).toEqual(before);
    expect(diff.add.map((r) => r.kind)).toEqual(['WORK_ITEM_DUE', 'WORK_ITEM_OVERDUE']);
  });

  it('removes everything when the item is done or gone', () => {
    const before = planReminders(item(), policy, null).map((r) => r.jobId);
    expect(diffPlan(item({ open: false }), policy, due, before).remove).toEqual(before);
    expect(diffPlan(null, policy, due, before).remove).toEqual(before);
    expect(stillPlanned(before[1], item({ open: false }), policy)).toBe(false);
    expect(stillPlanned(before[1], item(), policy)).toBe(true);
  });
});
