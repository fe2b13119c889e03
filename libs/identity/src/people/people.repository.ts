import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import { ORGANIZATION_COLUMNS, type OrganizationModel } from '../organizations/organization.model';
import { PERSON_COLUMNS, type PersonModel } from './person.model';

/** A person with what sign-in checks: the password hash and the current version of their tokens. */
export type PersonWithSecrets = PersonModel & { passwordHash: string | null; tokenVersion: number };

/** A person and whether they have a password (an account) yet. */
export type PersonWithAccount = PersonModel & { hasPassword: boolean };

/** What registering a person writes; the e-mail is unique case-insensitively. */
export interface NewPerson {
  name: string;
  email: string;
  timeZone: string;
  organizationId: string | null;
  passwordHash: string | null;
}

const PERSON_WITH_SECRETS = `${PERSON_COLUMNS}, password_hash AS "passwordHash", coalesce(r.version, 0) AS "tokenVersion"
  FROM person p LEFT JOIN token_revocation r ON r.person_id = p.id`;

/** person: who someone is, their password hash (never leaves this file's callers in identity) and time zone. */
@Injectable()
export class PeopleRepository {
  constructor(private readonly dataSource: DataSource) {}

  byId(id: string, db: Queryable = this.dataSource): Promise<PersonModel | null> {
    return one<PersonModel>(db, `SELECT ${PERSON_COLUMNS} FROM person WHERE id = $1`, [id]);
  }

  byIds(ids: readonly string[], db: Queryable = this.dataSource): Promise<PersonModel[]> {
    return rows<PersonModel>(db, `SELECT ${PERSON_COLUMNS} FROM person WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** The people among `ids` with their organisations, in one statement. */
  withOrganizations(
    ids: readonly string[],
    db: Queryable = this.dataSource,
  ): Promise<{ person: PersonModel; organization: OrganizationModel | null }[]> {
    return rows(
      db,
      `SELECT row_to_json(p) AS person, row_to_json(o) AS organization
         FROM (SELECT ${PERSON_COLUMNS} FROM person WHERE id = ANY($1::uuid[])) p
         LEFT JOIN LATERAL (SELECT ${ORGANIZATION_COLUMNS} FROM organization WHERE id = p."organizationId") o ON true`,
      [ids],
    );
  }

  async exists(id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await one(db, `SELECT 1 FROM person WHERE id = $1`, [id])) !== null;
  }

  /** By the e-mail in lower case. */
  withSecretsByEmail(emailKey: string, db: Queryable = this.dataSource): Promise<PersonWithSecrets | null> {
    return one<PersonWithSecrets>(db, `SELECT ${PERSON_WITH_SECRETS} WHERE lower(p.email) = $1`, [emailKey]);
  }

  withSecretsById(id: string, db: Queryable = this.dataSource): Promise<PersonWithSecrets | null> {
    return one<PersonWithSecrets>(db, `SELECT ${PERSON_WITH_SECRETS} WHERE p.id = $1`, [id]);
  }

  /** The person an open (unused, unexpired) invitation with this token hash was issued to. */
  withSecretsByInvitation(tokenHash: string, db: Queryable = this.dataSource): Promise<PersonWithSecrets | null> {
    return one<PersonWithSecrets>(
      db,
      `SELECT ${PERSON_WITH_SECRETS}
        WHERE p.id = (SELECT person_id FROM invitation WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now())`,
      [tokenHash],
    );
  }

  /** Sets the password of an account that has none; false when it got one meanwhile. */
  async setFirstPassword(id: string, passwordHash: string, db: Queryable = this.dataSource): Promise<boolean> {
    const changed = await updated(
      db,
      `UPDATE person SET password_hash = $2 WHERE id = $1 AND password_hash IS NULL RETURNING id`,
      [id, passwordHash],
    );
    return changed.length > 0;
  }

  /** Sets the person's time zone; null when there is no such person. */
  async setTimeZone(id: string, timeZone: string, db: Queryable = this.dataSource): Promise<PersonModel | null> {
    const [person] = await updated<PersonModel>(
      db,
      `UPDATE person SET time_zone = $2 WHERE id = $1 RETURNING ${PERSON_COLUMNS}`,
      [id, timeZone],
    );
    return person ?? null;
  }

  /** Replaces the password if it is still `current`; false when it changed meanwhile. */
  async replacePassword(id: string, current: string, next: string, db: Queryable = this.dataSource): Promise<boolean> {
    const changed = await updated(db, `UPDATE person SET password_hash = $3 WHERE id = $1 AND password_hash = $2 RETURNING id`, [
      id,
      current,
      next,
    ]);
    return changed.length > 0;
  }

  /** Inserts the person; null when the e-mail is taken. */
  insertIfNew(person: NewPerson, db: Queryable = this.dataSource): Promise<PersonWithAccount | null> {
    return one<PersonWithAccount>(
      db,
      `INSERT INTO person (name, email, time_zone, organization_id, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING ${PERSON_COLUMNS}, password_hash IS NOT NULL AS "hasPassword"`,
      [person.name, person.email, person.timeZone, person.organizationId, person.passwordHash],
    );
  }

  byEmail(email: string, db: Queryable = this.dataSource): Promise<PersonWithAccount | null> {
    return one<PersonWithAccount>(
      db,
      `SELECT ${PERSON_COLUMNS}, password_hash IS NOT NULL AS "hasPassword" FROM person WHERE lower(email) = lower($1)`,
      [email],
    );
  }
}
