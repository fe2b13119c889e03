import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import type { AppConfig } from '@app/platform';
import { testConfig, uniqueId } from './test-config';

/**
 * Builds test data straight in PostgreSQL (through the real schema and its constraints), and
 * signs access tokens exactly as the gateway does (HS256 JWT, `sub` = person id), so a test
 * of one domain does not depend on another domain's mutations.
 */
export class Fixtures {
  private opened: { config: AppConfig; pool: Pool } | null = null;

  /** Without `config`, the test database's, read when the fixtures are first used. */
  constructor(private readonly config?: AppConfig) {}

  private get connection(): { config: AppConfig; pool: Pool } {
    if (!this.opened) {
      const config = this.config ?? testConfig();
      const pool = new Pool({ connectionString: config.DATABASE_URL, max: 4 });
      // An idle client whose server went away (fault tests) must not crash the test process.
      pool.on('error', () => undefined);
      this.opened = { config, pool };
    }
    return this.opened;
  }

  get pool(): Pool {
    return this.connection.pool;
  }

  async close(): Promise<void> {
    await this.opened?.pool.end();
    this.opened = null;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  token(personId: string): string {
    return jwt.sign({ sub: personId }, this.connection.config.JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
  }

  async initiative(fields: { slug?: string; name?: string; timeZone?: string } = {}): Promise<{ id: string; slug: string }> {
    const slug = fields.slug ?? `i-${uniqueId()}`;
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO initiative (slug, name, time_zone) VALUES ($1, $2, $3) RETURNING id`,
      [slug, fields.name ?? `Initiative ${slug}`, fields.timeZone ?? 'Europe/Zurich'],
    );
    return { id: row.id, slug };
  }

  /** A person (no password) who belongs to the initiative with the given role. */
  async person(
    initiativeId: string | null,
    role: 'SECRETARIAT' | 'MEMBER' | 'OBSERVER' = 'MEMBER',
    fields: { name?: string; email?: string; timeZone?: string } = {},
  ): Promise<{ id: string; email: string; token: string }> {
    const email = fields.email ?? `p-${uniqueId()}@example.org`;
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO person (name, email, time_zone) VALUES ($1, $2, $3) RETURNING id`,
      [fields.name ?? `Person ${email}`, email, fields.timeZone ?? 'Europe/Zurich'],
    );
    if (initiativeId) {
      await this.query(`INSERT INTO initiative_member (initiative_id, person_id, role) VALUES ($1, $2, $3)`, [
        initiativeId,
        row.id,
        role,
      ]);
    }
    return { id: row.id, email, token: this.token(row.id) };
  }

  async group(initiativeId: string, fields: { code?: string; name?: string } = {}): Promise<{ id: string; code: string }> {
    const code = fields.code ?? `WG-${uniqueId(3).toUpperCase()}`;
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO working_group (initiative_id, code, name, mandate) VALUES ($1, $2, $3, $4) RETURNING id`,
      [initiativeId, code, fields.name ?? `Group ${code}`, `Mandate of ${code}`],
    );
    return { id: row.id, code };
  }

  async groupRole(groupId: string, personId: string, role: 'CHAIR' | 'VICE_CHAIR' | 'MEMBER' | 'OBSERVER'): Promise<void> {
    await this.query(
      `INSERT INTO group_member (working_group_id, initiative_id, person_id, role)
       SELECT id, initiative_id, $2, $3 FROM working_group WHERE id = $1
       ON CONFLICT (working_group_id, person_id) DO UPDATE SET role = EXCLUDED.role`,
      [groupId, personId, role],
    );
  }
}

/** Fixtures for the tests of the calling block, on the file's database; closed in `afterAll`. */
export function useFixtures(): Fixtures {
  const fixtures = new Fixtures();
  afterAll(() => fixtures.close());
  return fixtures;
}
