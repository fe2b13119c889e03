import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People, organisations, initiatives, memberships, working groups and invitations.
 * The invariants live here: one role per person and initiative / group, e-mails unique
 * case-insensitively, group codes unique per initiative, and a group member must belong to
 * the group's initiative (composite foreign key).
 */
export class IdentityStructure1790000001000 implements MigrationInterface {
  name = 'IdentityStructure1790000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        acronym    text CHECK (length(acronym) BETWEEN 1 AND 40),
        kind       text NOT NULL CHECK (kind IN ('UN_BODY','GOVERNMENT','CITY','ACADEMIA','PRIVATE_SECTOR','CIVIL_SOCIETY','OTHER')),
        country    text CHECK (length(country) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organization_name_key ON organization (lower(name))`);
    await q.query(`
      CREATE TABLE person (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        password_hash   text,
        time_zone       text NOT NULL DEFAULT 'UTC',
        organization_id uuid REFERENCES organization (id),
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX person_email_key ON person (lower(email))`);
    await q.query(`CREATE INDEX person_organization_idx ON person (organization_id)`);
    await q.query(`
      CREATE TABLE initiative (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,40}$'),
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 10000),
        launched_on date,
        time_zone   text NOT NULL DEFAULT 'UTC',
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE initiative_member (
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        person_id     uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        role          text NOT NULL CHECK (role IN ('SECRETARIAT','MEMBER','OBSERVER')),
        since         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (initiative_id, person_id)
      )`);
    await q.query(`CREATE INDEX initiative_member_person_idx ON initiative_member (person_id)`);
    await q.query(`CREATE INDEX initiative_member_role_idx ON initiative_member (initiative_id, role, since, person_id)`);
    await q.query(`
      CREATE TABLE working_group (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        code          text NOT NULL CHECK (code ~ '^[A-Z0-9-]{1,16}$'),
        name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        mandate       text NOT NULL CHECK (length(mandate) BETWEEN 1 AND 10000),
        status        text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('PROPOSED','ACTIVE','CLOSED')),
        created_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (initiative_id, code),
        UNIQUE (id, initiative_id)
      )`);
    await q.query(`
      CREATE TABLE group_member (
        working_group_id uuid NOT NULL,
        initiative_id    uuid NOT NULL,
        person_id        uuid NOT NULL,
        role             text NOT NULL CHECK (role IN ('CHAIR','VICE_CHAIR','MEMBER','OBSERVER')),
        since            timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (working_group_id, person_id),
        FOREIGN KEY (working_group_id, initiative_id) REFERENCES working_group (id, initiative_id) ON DELETE CASCADE,
        -- Leaving the initiative removes the person from its groups.
        FOREIGN KEY (initiative_id, person_id) REFERENCES initiative_member (initiative_id, person_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX group_member_person_idx ON group_member (person_id)`);
    await q.query(`CREATE INDEX group_member_role_idx ON group_member (working_group_id, role, since, person_id)`);
    await q.query(`
      CREATE TABLE invitation (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id     uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        token_hash    text NOT NULL UNIQUE,
        expires_at    timestamptz NOT NULL,
        used_at       timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'invitation',
      'group_member',
      'working_group',
      'initiative_member',
      'initiative',
      'person',
      'organization',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
