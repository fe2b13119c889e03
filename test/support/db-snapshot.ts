import type { Pool } from 'pg';

/** Tables whose rows legitimately change on refused requests (the sign-in failure log). */
const VOLATILE = new Set(['login_failure', 'typeorm_migrations']);

/**
 * A fingerprint of every table in the public schema: row count and an md5 over the rows'
 * text, so "before equals after" proves a batch of refused requests changed nothing.
 */
export async function snapshotDatabase(pool: Pool): Promise<Record<string, string>> {
  const tables = (
    await pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).rows.map((r) => r.table_name);
  const snapshot: Record<string, string> = {};
  for (const table of tables) {
    if (VOLATILE.has(table)) continue;
    const [row] = (
      await pool.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`,
      )
    ).rows;
    snapshot[table] = `${row.n}:${row.h}`;
  }
  return snapshot;
}
