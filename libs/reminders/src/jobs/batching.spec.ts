import { chunk, mailBatchJobId, TICK_MS, tickAt, tickJobId, tickSlots } from './batching';

describe('reminder ticks', () => {
  it('fires a reminder at the first slot boundary at or after its fire time', () => {
    expect(TICK_MS).toBe(250);
    expect(tickAt(1_000)).toBe(1_000);
    expect(tickAt(1_001)).toBe(1_250);
    expect(tickAt(1_249)).toBe(1_250);
    expect(tickAt(1_250)).toBe(1_250);
    expect(tickJobId(1_250)).toBe('tick-1250');
  });

  it('gives many reminders of one slot a single tick, ascending', () => {
    const at = (ms: number) => new Date(ms);
    expect(tickSlots([at(1_700), at(1_001), at(1_100), at(1_250), at(1_500)])).toEqual([1_250, 1_500, 1_750]);
    expect(tickSlots([])).toEqual([]);
  });
});

describe('mail batches', () => {
  it('chunks ids in order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 50)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow('chunk size must be at least 1');
  });

  it('names a batch by its set of ids: same set, same id; another set, another id', () => {
    const id = mailBatchJobId(['b', 'a', 'c']);
    expect(id).toMatch(/^mail-[0-9a-f]{24}$/);
    expect(mailBatchJobId(['a', 'b', 'c'])).toBe(id);
    expect(mailBatchJobId(['a', 'b'])).not.toBe(id);
    expect(id).not.toContain(':');
  });
});
