import { one, type Queryable, rows } from '@app/platform';

/** The demo terms of reference's SQL, in the seed's transaction; every insert is idempotent. */
export class DemoTermsRepository {
  constructor(private readonly m: Queryable) {}

  async initiativeId(slug: string): Promise<string | null> {
    return (await one<{ id: string }>(this.m, `SELECT id FROM initiative WHERE slug = $1`, [slug]))?.id ?? null;
  }

  async personId(email: string): Promise<string> {
    return (await one<{ id: string }>(this.m, `SELECT id FROM person WHERE lower(email) = $1`, [email]))!.id;
  }

  /** The initiative's own document (inserted when missing). */
  async initiativeTor(initiativeId: string, title: string): Promise<string> {
    await rows(
      this.m,
      `INSERT INTO terms_of_reference (initiative_id, title) VALUES ($1, $2)
       ON CONFLICT (initiative_id) WHERE working_group_id IS NULL DO NOTHING`,
      [initiativeId, title],
    );
    return (await one<{ id: string }>(
      this.m,
      `SELECT id FROM terms_of_reference WHERE initiative_id = $1 AND working_group_id IS NULL`,
      [initiativeId],
    ))!.id;
  }

  /** The initiative's groups by code, each with its first CHAIR. */
  groups(initiativeId: string): Promise<{ id: string; code: string; chair: string | null }[]> {
    return rows(
      this.m,
      `SELECT g.id, g.code,
              (SELECT gm.person_id FROM group_member gm WHERE gm.working_group_id = g.id AND gm.role = 'CHAIR' ORDER BY gm.since LIMIT 1) AS chair
         FROM working_group g WHERE g.initiative_id = $1 ORDER BY g.code`,
      [initiativeId],
    );
  }

  /** The group's document (inserted when missing). */
  async groupTor(initiativeId: string, groupId: string, title: string): Promise<string> {
    await rows(
      this.m,
      `INSERT INTO terms_of_reference (initiative_id, working_group_id, title) VALUES ($1, $2, $3)
       ON CONFLICT (working_group_id) WHERE working_group_id IS NOT NULL DO NOTHING`,
      [initiativeId, groupId, title],
    );
    return (await one<{ id: string }>(this.m, `SELECT id FROM terms_of_reference WHERE working_group_id = $1`, [groupId]))!.id;
  }

  async insertFirstVersion(torId: string, body: string, contentHash: string, authorId: string): Promise<void> {
    await rows(
      this.m,
      `INSERT INTO tor_version (tor_id, number, body, content_hash, author_id) VALUES ($1, 1, $2, $3, $4)
       ON CONFLICT (tor_id, number) DO NOTHING`,
      [torId, body, contentHash, authorId],
    );
  }
}
