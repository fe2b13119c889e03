import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows } from '@app/platform';

/** token_revocation: per person, the version their access tokens must have at least. */
@Injectable()
export class TokenRevocationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The person's version if it was raised within `keptSeconds`; else null. */
  async recentVersion(personId: string, keptSeconds: number, db: Queryable = this.dataSource): Promise<number | null> {
    const row = await one<{ version: number }>(
      db,
      `SELECT version FROM token_revocation WHERE person_id = $1 AND revoked_at > now() - make_interval(secs => $2)`,
      [personId, keptSeconds],
    );
    return row?.version ?? null;
  }

  /** Every version raised within `keptSeconds`. */
  recent(keptSeconds: number, db: Queryable = this.dataSource): Promise<{ personId: string; version: number }[]> {
    return rows(
      db,
      `SELECT person_id AS "personId", version FROM token_revocation WHERE revoked_at > now() - make_interval(secs => $1)`,
      [keptSeconds],
    );
  }

  /** Raises the person's version; returns the new one. */
  async raise(personId: string, db: Queryable = this.dataSource): Promise<number> {
    const row = await one<{ version: number }>(
      db,
      `INSERT INTO token_revocation (person_id, version) VALUES ($1, 1)
       ON CONFLICT (person_id) DO UPDATE SET version = token_revocation.version + 1, revoked_at = now()
       RETURNING version`,
      [personId],
    );
    return row!.version;
  }
}
