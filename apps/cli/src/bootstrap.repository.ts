import { one, type Queryable, rows } from '@app/platform';

/** The SQL of `cli bootstrap`, in its one transaction. */
export class BootstrapRepository {
  constructor(private readonly m: Queryable) {}

  /** The new initiative's id, or null when the slug is taken. */
  async insertInitiative(slug: string, name: string, timeZone: string): Promise<string | null> {
    const created = await one<{ id: string }>(
      this.m,
      `INSERT INTO initiative (slug, name, time_zone) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [slug, name, timeZone],
    );
    return created?.id ?? null;
  }

  /** The person with this e-mail (inserted when missing), and whether they have a password. */
  async person(name: string, email: string, timeZone: string): Promise<{ id: string; hasPassword: boolean }> {
    await rows(
      this.m,
      `INSERT INTO person (name, email, time_zone) VALUES ($1, $2, $3) ON CONFLICT ((lower(email))) DO NOTHING`,
      [name, email, timeZone],
    );
    const person = await one<{ id: string; hasPassword: boolean }>(
      this.m,
      `SELECT id, password_hash IS NOT NULL AS "hasPassword" FROM person WHERE lower(email) = lower($1)`,
      [email],
    );
    return person!;
  }

  async addSecretariat(initiativeId: string, personId: string): Promise<void> {
    await rows(this.m, `INSERT INTO initiative_member (initiative_id, person_id, role) VALUES ($1, $2, 'SECRETARIAT')`, [
      initiativeId,
      personId,
    ]);
  }
}
