import { isOverdue, meanPercent, NO_PROGRESS, soonest, sumCounts } from './progress';

const now = new Date('2026-01-10T12:00:00Z');
const past = new Date('2026-01-10T11:59:59Z');
const future = new Date('2026-01-10T12:00:01Z');

describe('isOverdue', () => {
  it('is true for a past dueAt of an item that is not done or cancelled', () => {
    expect(isOverdue(past, 'NOT_STARTED', now)).toBe(true);
    expect(isOverdue(past, 'IN_PROGRESS', now)).toBe(true);
    expect(isOverdue(past, 'BLOCKED', now)).toBe(true);
  });

  it('is false when done, cancelled, not yet due, due exactly now, or without dueAt', () => {
    expect(isOverdue(past, 'DONE', now)).toBe(false);
    expect(isOverdue(past, 'CANCELLED', now)).toBe(false);
    expect(isOverdue(future, 'NOT_STARTED', now)).toBe(false);
    expect(isOverdue(now, 'NOT_STARTED', now)).toBe(false);
    expect(isOverdue(null, 'NOT_STARTED', now)).toBe(false);
  });
});

describe('meanPercent', () => {
  it('is 0 without items', () => {
    expect(meanPercent(NO_PROGRESS)).toBe(0);
  });

  it('is the mean of the counted items (DONE counts 100)', () => {
    // DONE (100), IN_PROGRESS at 50, NOT_STARTED (0); the CANCELLED item is not counted
    expect(meanPercent({ total: 3, percentSum: 150 })).toBe(50);
    expect(meanPercent({ total: 3, percentSum: 100 })).toBe(33.33);
    expect(meanPercent({ total: 1, percentSum: 100 })).toBe(100);
  });
});

describe('sumCounts', () => {
  it('adds every field, and the mean of the sum weighs items, not groups', () => {
    const a = { total: 1, notStarted: 0, inProgress: 0, blocked: 0, done: 1, overdue: 0, percentSum: 100 };
    const b = { total: 3, notStarted: 2, inProgress: 1, blocked: 0, done: 0, overdue: 2, percentSum: 0 };
    const sum = sumCounts([a, b, NO_PROGRESS]);
    expect(sum).toEqual({ total: 4, notStarted: 2, inProgress: 1, blocked: 0, done: 1, overdue: 2, percentSum: 100 });
    expect(meanPercent(sum)).toBe(25);
  });
});

describe('soonest', () => {
  it('merges sorted lists into the soonest five, ties by id', () => {
    const at = (id: string, iso: string) => ({ id, dueAt: new Date(iso) });
    const list1 = [at('a', '2016-07-01T00:00:00Z'), at('c', '2016-09-01T00:00:00Z'), at('e', '2016-11-01T00:00:00Z')];
    const list2 = [at('b', '2016-08-01T00:00:00Z'), at('d', '2016-09-01T00:00:00Z'), at('f', '2016-12-01T00:00:00Z')];
    expect(soonest([list1, list2]).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(soonest([])).toEqual([]);
  });
});
