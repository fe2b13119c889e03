import { type Queryable, rows } from '@app/platform';

/** An organisation, person or group of the demo, keyed by its natural key. */
type Keyed = { key: string; id: string };
const byKey = (found: Keyed[]) => new Map(found.map((r) => [r.key, r.id]));

/**
 * The demo structure's SQL, in the seed's transaction. Every insert is idempotent (ON CONFLICT DO
 * NOTHING on the natural key) and rows are found again by natural keys: slug, e-mail, code.
 */
export class DemoStructureRepository {
  constructor(private readonly m: Queryable) {}

  async insertOrganization(o: { name: string; acronym: string; kind: string; country: string | null }): Promise<void> {
    await rows(
      this.m,
      `INSERT INTO organization (name, acronym, kind, country) VALUES ($1, $2, $3, $4) ON CONFLICT ((lower(name))) DO NOTHING`,
      [o.name, o.acronym, o.kind, o.country],
    );
  }

  /** Organisation ids by acronym, for these names. */
  async organizationIds(names: string[]): Promise<Map<string, string>> {
    return byKey(
      await rows<Keyed>(this.m, `SELECT acronym AS key, id FROM organization WHERE lower(name) = ANY($1)`, [
        names.map((n) => n.toLowerCase()),
      ]),
    );
  }

  /** The demo initiative's id (inserted when missing). */
  async initiative(slug: string, description: string): Promise<string> {
    await rows(
      this.m,
      `INSERT INTO initiative (slug, name, description, launched_on, time_zone)
       VALUES ($1, 'United for Smart Sustainable Cities', $2, '2016-05-01', 'Europe/Zurich') ON CONFLICT (slug) DO NOTHING`,
      [slug, description],
    );
    const [{ id }] = await rows<{ id: string }>(this.m, `SELECT id FROM initiative WHERE slug = $1`, [slug]);
    return id;
  }

  async insertPerson(p: { name: string; email: string; passwordHash: string; organizationId: string | null }): Promise<void> {
    await rows(
      this.m,
      `INSERT INTO person (name, email, password_hash, time_zone, organization_id) VALUES ($1, $2, $3, 'Europe/Zurich', $4)
       ON CONFLICT ((lower(email))) DO NOTHING`,
      [p.name, p.email, p.passwordHash, p.organizationId],
    );
  }

  /** Person ids by lower-case e-mail. */
  async personIds(emails: string[]): Promise<Map<string, string>> {
    return byKey(await rows<Keyed>(this.m, `SELECT lower(email) AS key, id FROM person WHERE lower(email) = ANY($1)`, [emails]));
  }

  async joinInitiative(initiativeId: string, personId: string | undefined, role: string): Promise<void> {
    await rows(
      this.m,
      `INSERT INTO initiative_member (initiative_id, person_id, role, since) VALUES ($1, $2, $3, '2016-07-21T15:00:00Z') ON CONFLICT DO NOTHING`,
      [initiativeId, personId, role],
    );
  }

  async insertGroup(initiativeId: string, g: { code: string; name: string; mandate: string }): Promise<void> {
    await rows(
      this.m,
      `INSERT INTO working_group (initiative_id, code, name, mandate, status, created_at) VALUES ($1, $2, $3, $4, 'ACTIVE', '2016-07-22T07:00:00Z')
       ON CONFLICT (initiative_id, code) DO NOTHING`,
      [initiativeId, g.code, g.name, g.mandate],
    );
  }

  /** Group ids by code. */
  async groupIds(initiativeId: string): Promise<Map<string, string>> {
    return byKey(await rows<Keyed>(this.m, `SELECT code AS key, id FROM working_group WHERE initiative_id = $1`, [initiativeId]));
  }

  async joinGroup(groupId: string | undefined, initiativeId: string, personId: string | undefined, role: string): Promise<void> {
    await rows(
      this.m,
      `INSERT INTO group_member (working_group_id, initiative_id, person_id, role, since) VALUES ($1, $2, $3, $4, '2016-07-22T07:00:00Z')
       ON CONFLICT DO NOTHING`,
      [groupId, initiativeId, personId, role],
    );
  }
}
