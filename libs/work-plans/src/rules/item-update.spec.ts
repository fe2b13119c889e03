import { fieldsNamed, mayUpdate, nextProgress } from './item-update';

describe('mayUpdate', () => {
  it('lets editors change anything', () => {
    expect(mayUpdate(true, false, ['title', 'ownerId', 'dependsOnIds'])).toBe(true);
  });

  it('lets the owner change status and percentComplete only', () => {
    expect(mayUpdate(false, true, ['status', 'percentComplete'])).toBe(true);
    expect(mayUpdate(false, true, [])).toBe(true);
    expect(mayUpdate(false, true, ['status', 'title'])).toBe(false);
    expect(mayUpdate(false, true, ['dueAt'])).toBe(false);
  });

  it('refuses anyone else', () => {
    expect(mayUpdate(false, false, ['status'])).toBe(false);
  });
});

describe('fieldsNamed', () => {
  it('lists present fields, including explicit nulls', () => {
    expect(fieldsNamed({ title: 'x', ownerId: null, dueAt: undefined })).toEqual(['title', 'ownerId']);
  });
});

describe('nextProgress', () => {
  const item = { status: 'IN_PROGRESS' as const, percentComplete: 40 };

  it('DONE sets 100', () => {
    expect(nextProgress(item, { status: 'DONE' })).toEqual({ status: 'DONE', percentComplete: 100 });
    expect(nextProgress(item, { status: 'DONE', percentComplete: 100 })).toEqual({ status: 'DONE', percentComplete: 100 });
  });

  it('refuses DONE with another percentage, also on a DONE item', () => {
    expect(nextProgress(item, { status: 'DONE', percentComplete: 50 })).toEqual({
      field: 'percentComplete',
      message: 'must be 100 when the status is DONE',
    });
    expect(nextProgress({ status: 'DONE', percentComplete: 100 }, { percentComplete: 90 })).toHaveProperty(
      'field',
      'percentComplete',
    );
  });

  it('keeps omitted fields and accepts 0..100', () => {
    expect(nextProgress(item, {})).toEqual(item);
    expect(nextProgress(item, { percentComplete: 0 })).toEqual({ status: 'IN_PROGRESS', percentComplete: 0 });
    expect(nextProgress(item, { status: 'BLOCKED' })).toEqual({ status: 'BLOCKED', percentComplete: 40 });
    expect(nextProgress({ status: 'DONE', percentComplete: 100 }, { status: 'IN_PROGRESS', percentComplete: 80 })).toEqual({
      status: 'IN_PROGRESS',
      percentComplete: 80,
    });
  });

  it('refuses out-of-range, fractional and null values', () => {
    expect(nextProgress(item, { percentComplete: 101 })).toHaveProperty('field', 'percentComplete');
    expect(nextProgress(item, { percentComplete: -1 })).toHaveProperty('field', 'percentComplete');
    expect(nextProgress(item, { percentComplete: 2.5 })).toHaveProperty('field', 'percentComplete');
    expect(nextProgress(item, { status: null })).toHaveProperty('field', 'status');
  });
});
