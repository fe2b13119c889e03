import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments and amendments (issue 16), held by the database:
 *
 * - A comment is on exactly one subject, a terms-of-reference document or a KPI (`subject_id` is
 *   whichever is set, generated so it cannot disagree). Only a document's comments may name a
 *   version (of that document: composite key) and a paragraph (>= 1; the upper bound depends on
 *   the version's text and is checked by the service under the document's lock).
 * - One level of replies: `depth` is 0 for a top-level comment and 1 for a reply, and a reply's
 *   (parent_id, 0, subject_id) must be a row's (id, depth, subject_id): a reply to a reply, or to
 *   a comment on another subject, cannot exist.
 * - A deleted comment keeps its row (its replies stay) with the body "[deleted]".
 * - An amendment replaces one paragraph of a version of its document; its status moves
 *   PROPOSED -> ACCEPTED (with the version that took it in) | REJECTED (with a reason) | WITHDRAWN,
 *   each resolved state with who and when.
 */
export class Discussion1790000037000 implements MigrationInterface {
  name = 'Discussion1790000037000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE discussion_comment (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        tor_id        uuid REFERENCES terms_of_reference (id) ON DELETE CASCADE,
        kpi_id        uuid REFERENCES kpi (id) ON DELETE CASCADE,
        subject_id    uuid GENERATED ALWAYS AS (coalesce(tor_id, kpi_id)) STORED,
        version_id    uuid,
        paragraph     int CHECK (paragraph >= 1),
        parent_id     uuid,
        depth         smallint NOT NULL CHECK (depth IN (0, 1)),
        parent_depth  smallint GENERATED ALWAYS AS (CASE WHEN parent_id IS NULL THEN NULL ELSE 0 END) STORED,
        author_id     uuid NOT NULL REFERENCES person (id),
        body          text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        created_at    timestamptz NOT NULL DEFAULT now(),
        edited_at     timestamptz,
        deleted_at    timestamptz,
        deleted_by    uuid REFERENCES person (id),
        CHECK (num_nonnulls(tor_id, kpi_id) = 1),
        CHECK (tor_id IS NOT NULL OR (version_id IS NULL AND paragraph IS NULL)),
        CHECK (paragraph IS NULL OR version_id IS NOT NULL),
        CHECK ((parent_id IS NULL) = (depth = 0)),
        CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
        CHECK (deleted_at IS NULL OR body = '[deleted]'),
        UNIQUE (id, depth, subject_id),
        FOREIGN KEY (version_id, tor_id) REFERENCES tor_version (id, tor_id) ON DELETE CASCADE,
        FOREIGN KEY (parent_id, parent_depth, subject_id) REFERENCES discussion_comment (id, depth, subject_id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX discussion_comment_subject_idx ON discussion_comment (subject_id, created_at, id) WHERE depth = 0`,
    );
    await q.query(
      `CREATE INDEX discussion_comment_parent_idx ON discussion_comment (parent_id, created_at, id) WHERE parent_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX discussion_comment_version_idx ON discussion_comment (version_id) WHERE version_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE amendment (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id        uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        tor_id               uuid NOT NULL REFERENCES terms_of_reference (id) ON DELETE CASCADE,
        base_version_id      uuid NOT NULL,
        paragraph            int NOT NULL CHECK (paragraph >= 1),
        original_text        text NOT NULL CHECK (length(original_text) BETWEEN 1 AND 200000),
        proposed_text        text NOT NULL CHECK (length(proposed_text) <= 20000),
        rationale            text CHECK (length(rationale) BETWEEN 1 AND 5000),
        proposer_id          uuid NOT NULL REFERENCES person (id),
        status               text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED','ACCEPTED','REJECTED','WITHDRAWN')),
        resolution           text CHECK (length(resolution) BETWEEN 1 AND 5000),
        resolved_by          uuid REFERENCES person (id),
        resolved_at          timestamptz,
        resulting_version_id uuid,
        created_at           timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'PROPOSED') = (resolved_at IS NULL)),
        CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)),
        CHECK ((status = 'ACCEPTED') = (resulting_version_id IS NOT NULL)),
        CHECK (status <> 'REJECTED' OR resolution IS NOT NULL),
        CHECK (status IN ('ACCEPTED', 'REJECTED') OR resolution IS NULL),
        FOREIGN KEY (base_version_id, tor_id) REFERENCES tor_version (id, tor_id) ON DELETE CASCADE,
        FOREIGN KEY (resulting_version_id, tor_id) REFERENCES tor_version (id, tor_id)
      )`);
    await q.query(`CREATE INDEX amendment_tor_idx ON amendment (tor_id, created_at, id)`);
    for (const table of ['discussion_comment', 'amendment']) {
      await q.query(
        `CREATE TRIGGER ${table}_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE amendment`);
    await q.query(`DROP TABLE discussion_comment`);
  }
}
