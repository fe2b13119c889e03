import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageRequest, toConnection } from './page';

describe('pagination', () => {
  it('round-trips cursors and keeps them opaque', () => {
    const cursor = encodeCursor(['2016-07-22T09:00:00.000Z', 'a1']);
    expect(cursor).not.toContain('2016');
    expect(decodeCursor(cursor)).toEqual(['2016-07-22T09:00:00.000Z', 'a1']);
  });

  it('refuses a forged cursor as BAD_USER_INPUT', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(DomainError);
    expect(() => pageRequest(10, 'e30')).toThrow('after: is not a cursor returned by this API');
  });

  it('caps first at the maximum page size and refuses negatives', () => {
    expect(pageRequest(10_000, null).limit).toBe(MAX_PAGE_SIZE);
    expect(pageRequest(undefined, null, 50).limit).toBe(50);
    expect(() => pageRequest(-1, null)).toThrow('first: must be a whole number >= 0');
  });

  it('builds edges from limit + 1 rows', () => {
    const page = pageRequest(2, null);
    const connection = toConnection([{ id: 1 }, { id: 2 }, { id: 3 }], page, (r) => [r.id], 7);
    expect(connection.edges.map((e) => e.node.id)).toEqual([1, 2]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor([2]) });
    expect(connection.totalCount).toBe(7);
    const last = toConnection([{ id: 3 }], page, (r) => [r.id], 7);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });
});
