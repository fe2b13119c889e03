import type { EntityManager } from 'typeorm';

/**
 * The typed door to PostgreSQL for repositories: one place that absorbs the driver's shapes.
 *
 * TypeORM's `query()` answers a SELECT or INSERT with the rows, but an UPDATE or DELETE with
 * `[rows, affectedCount]`. Repositories call these helpers instead of `query()`, so a caller
 * never casts a driver result and never meets the two shapes:
 *
 * - `rows<T>`: every row of a statement (SELECT, INSERT ... RETURNING, WITH ..., a function);
 * - `one<T>`: its first row, or null;
 * - `updated<T>`: the rows an UPDATE or DELETE ... RETURNING changed (their count is `.length`).
 *
 * `T` names the row shape the SQL selects (aliases in camelCase); it is not checked at run time,
 * so a repository keeps each statement beside the type it returns.
 */

/** A DataSource, or the EntityManager of a transaction. */
export type Queryable = Pick<EntityManager, 'query'>;

type Params = readonly unknown[];

/** UPDATE and DELETE come back as [rows, affected]; every other statement as rows. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return (Array.isArray(result) ? result : []) as T[];
}

export async function rows<T>(db: Queryable, sql: string, params: Params = []): Promise<T[]> {
  return rowsOf<T>(await db.query(sql, params as unknown[]));
}

export async function one<T>(db: Queryable, sql: string, params: Params = []): Promise<T | null> {
  return (await rows<T>(db, sql, params))[0] ?? null;
}

export async function updated<T = Record<string, unknown>>(db: Queryable, sql: string, params: Params = []): Promise<T[]> {
  return rows<T>(db, sql, params);
}

/** A dedicated pg connection (not the pool) that listens for NOTIFY on `channel`. */
export async function listen(client: { query(sql: string): Promise<unknown> }, channel: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  await client.query(`LISTEN ${channel}`);
}
