import { one, type Queryable } from '@app/platform';

/** The CLI finds initiatives by the slug an operator types. */
export async function initiativeIdBySlug(db: Queryable, slug: string): Promise<string | null> {
  return (await one<{ id: string }>(db, `SELECT id FROM initiative WHERE slug = $1`, [slug]))?.id ?? null;
}
