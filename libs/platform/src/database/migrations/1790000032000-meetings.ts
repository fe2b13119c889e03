import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['meeting', 'meeting_session', 'agenda_item', 'agenda_item_action', 'decision', 'meeting_participant', 'minutes'];

/**
 * Meetings of an initiative (plenaries) and of its working groups: sessions, agenda, invitees'
 * answers and attendance, decisions, actions (links to work items) and minutes. The invariants
 * live here: a meeting's group belongs to its initiative; numbers are unique per initiative and
 * decisions' per meeting; a session ends after it starts; agenda positions are 1..n per meeting
 * at every commit (a deferred unique constraint and a deferred constraint trigger, so a
 * renumbering statement may pass through intermediate states). Writers lock the meeting row
 * FOR UPDATE first, so changes to one meeting run one after the other.
 */
export class Meetings1790000032000 implements MigrationInterface {
  name = 'Meetings1790000032000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id       uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        working_group_id    uuid,
        number              integer NOT NULL CHECK (number >= 1),
        title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        purpose             text CHECK (length(purpose) <= 10000),
        venue               text CHECK (length(venue) <= 500),
        online_url          text CHECK (length(online_url) <= 2000),
        time_zone           text NOT NULL,
        status              text NOT NULL DEFAULT 'DRAFT'
                              CHECK (status IN ('DRAFT','ANNOUNCED','IN_PROGRESS','CLOSED','CANCELLED')),
        version             integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        cancellation_reason text CHECK (length(cancellation_reason) <= 2000),
        created_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (initiative_id, number),
        FOREIGN KEY (working_group_id, initiative_id) REFERENCES working_group (id, initiative_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX meeting_group_idx ON meeting (working_group_id) WHERE working_group_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE meeting_session (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        starts_at  timestamptz NOT NULL,
        ends_at    timestamptz NOT NULL,
        title      text CHECK (length(title) <= 200),
        CHECK (ends_at > starts_at),
        UNIQUE (id, meeting_id)
      )`);
    await q.query(`CREATE INDEX meeting_session_meeting_idx ON meeting_session (meeting_id, starts_at)`);
    await q.query(`CREATE INDEX meeting_session_starts_idx ON meeting_session (starts_at)`);
    await q.query(`
      CREATE TABLE agenda_item (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id            uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        position              integer NOT NULL CHECK (position >= 1),
        title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description           text CHECK (length(description) <= 10000),
        kind                  text NOT NULL CHECK (kind IN ('INFORMATION','DISCUSSION','DECISION')),
        duration_minutes      integer CHECK (duration_minutes BETWEEN 1 AND 1440),
        presenter_id          uuid REFERENCES person (id) ON DELETE SET NULL,
        session_id            uuid,
        terms_of_reference_id uuid REFERENCES terms_of_reference (id) ON DELETE SET NULL,
        ballot_id             uuid REFERENCES ballot (id) ON DELETE SET NULL,
        work_plan_id          uuid REFERENCES work_plan (id) ON DELETE SET NULL,
        UNIQUE (id, meeting_id),
        CONSTRAINT agenda_item_position_unique UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED,
        FOREIGN KEY (session_id, meeting_id) REFERENCES meeting_session (id, meeting_id) ON DELETE SET NULL (session_id)
      )`);
    // Positions 1..n at commit: with the unique (meeting, position) this is "contiguous from 1".
    await q.query(`
      CREATE FUNCTION agenda_positions_contiguous() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        m uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END;
        n integer;
        top integer;
      BEGIN
        SELECT count(*), coalesce(max(position), 0) INTO n, top FROM agenda_item WHERE meeting_id = m;
        IF n <> top THEN
          RAISE EXCEPTION 'agenda positions of meeting % are not 1..%', m, n USING ERRCODE = '23514';
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER agenda_item_positions AFTER INSERT OR UPDATE OR DELETE ON agenda_item
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agenda_positions_contiguous()`);
    await q.query(`
      CREATE TABLE agenda_item_action (
        work_item_id   uuid PRIMARY KEY REFERENCES work_item (id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL REFERENCES agenda_item (id)
      )`);
    await q.query(`CREATE INDEX agenda_item_action_item_idx ON agenda_item_action (agenda_item_id)`);
    await q.query(`
      CREATE TABLE decision (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id     uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        seq            integer NOT NULL CHECK (seq >= 1),
        number         text NOT NULL,
        text           text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
        agenda_item_id uuid,
        ballot_id      uuid REFERENCES ballot (id),
        recorded_by    uuid NOT NULL REFERENCES person (id),
        recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (meeting_id, seq),
        FOREIGN KEY (agenda_item_id, meeting_id) REFERENCES agenda_item (id, meeting_id)
      )`);
    await q.query(`CREATE INDEX decision_agenda_item_idx ON decision (agenda_item_id) WHERE agenda_item_id IS NOT NULL`);
    await q.query(`CREATE INDEX decision_recorded_idx ON decision (recorded_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE meeting_participant (
        meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        person_id  uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        response   text NOT NULL DEFAULT 'NO_RESPONSE'
                     CHECK (response IN ('NO_RESPONSE','ATTENDING','TENTATIVE','NOT_ATTENDING')),
        attended   boolean,
        PRIMARY KEY (meeting_id, person_id)
      )`);
    await q.query(`CREATE INDEX meeting_participant_person_idx ON meeting_participant (person_id)`);
    await q.query(`
      CREATE TABLE minutes (
        meeting_id  uuid PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
        body        text NOT NULL CHECK (length(body) <= 200000),
        status      text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','FINAL')),
        version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        approved_at timestamptz,
        approved_by uuid REFERENCES person (id) ON DELETE SET NULL,
        CHECK ((status = 'FINAL') = (approved_at IS NOT NULL))
      )`);
    for (const table of TABLES)
      await q.query(
        `CREATE TRIGGER ${table}_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP FUNCTION agenda_positions_contiguous()`);
  }
}
