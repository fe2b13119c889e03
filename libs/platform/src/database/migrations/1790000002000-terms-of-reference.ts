import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Terms of reference, their versions, ballots, the electorate snapshot, the vote records
 * (an append-only hash chain per ballot) and the current vote per voter.
 * Invariants held here: one document per initiative and per working group, version numbers
 * unique per document, at most one OPEN ballot per document (partial unique index on the
 * persisted state), a gap-free sequence and revision per ballot / voter, one current vote per
 * voter and ballot, votes only by electors, and an OBJECT always with a non-blank comment.
 */
export class TermsOfReference1790000002000 implements MigrationInterface {
  name = 'TermsOfReference1790000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE terms_of_reference (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id        uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        working_group_id     uuid,
        title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        status               text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','UNDER_BALLOT','APPROVED','REJECTED')),
        status_before_ballot text CHECK (status_before_ballot IN ('DRAFT','APPROVED','REJECTED')),
        created_at           timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (working_group_id, initiative_id) REFERENCES working_group (id, initiative_id) ON DELETE CASCADE,
        CHECK ((status = 'UNDER_BALLOT') = (status_before_ballot IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX terms_of_reference_initiative_key ON terms_of_reference (initiative_id) WHERE working_group_id IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX terms_of_reference_group_key ON terms_of_reference (working_group_id) WHERE working_group_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE tor_version (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tor_id         uuid NOT NULL REFERENCES terms_of_reference (id) ON DELETE CASCADE,
        number         int NOT NULL CHECK (number >= 1),
        body           text NOT NULL CHECK (length(body) BETWEEN 1 AND 200000),
        content_hash   text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        change_summary text CHECK (length(change_summary) <= 2000),
        author_id      uuid NOT NULL REFERENCES person (id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tor_id, number),
        UNIQUE (id, tor_id)
      )`);
    await q.query(`
      CREATE TABLE ballot (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tor_id              uuid NOT NULL REFERENCES terms_of_reference (id) ON DELETE CASCADE,
        version_id          uuid NOT NULL,
        opened_by           uuid NOT NULL REFERENCES person (id),
        opens_at            timestamptz NOT NULL DEFAULT now(),
        closes_at           timestamptz NOT NULL,
        rule                text NOT NULL CHECK (rule IN ('CONSENSUS','MAJORITY','TWO_THIRDS')),
        quorum              double precision NOT NULL CHECK (quorum > 0 AND quorum <= 1),
        electorate_size     int NOT NULL CHECK (electorate_size >= 0),
        state               text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN','CLOSED','CANCELLED')),
        cancelled_at        timestamptz,
        cancel_reason       text CHECK (length(cancel_reason) <= 2000),
        closed_persisted_at timestamptz,
        outcome             text CHECK (outcome IN ('APPROVED','REJECTED','NO_QUORUM')),
        final_approve       int,
        final_object        int,
        final_abstain       int,
        chain_head          text,
        FOREIGN KEY (version_id, tor_id) REFERENCES tor_version (id, tor_id),
        CHECK (closes_at >= opens_at),
        CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL)),
        CHECK ((state = 'CLOSED') = (closed_persisted_at IS NOT NULL AND outcome IS NOT NULL AND chain_head IS NOT NULL
                                     AND final_approve IS NOT NULL AND final_object IS NOT NULL AND final_abstain IS NOT NULL))
      )`);
    // "OPEN" is time-dependent; the constraint holds on the persisted state, which the close job,
    // closeBallot, cancelBallot or the next openBallot / reviseTermsOfReference move on.
    await q.query(`CREATE UNIQUE INDEX ballot_one_open_per_tor ON ballot (tor_id) WHERE state = 'OPEN'`);
    await q.query(`CREATE INDEX ballot_tor_idx ON ballot (tor_id, opens_at DESC, id)`);
    await q.query(`CREATE INDEX ballot_open_closes_at_idx ON ballot (closes_at) WHERE state = 'OPEN'`);
    await q.query(`
      CREATE TABLE ballot_elector (
        ballot_id uuid NOT NULL REFERENCES ballot (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        PRIMARY KEY (ballot_id, person_id)
      )`);
    await q.query(`CREATE INDEX ballot_elector_person_idx ON ballot_elector (person_id)`);
    await q.query(`
      CREATE TABLE vote_record (
        id        bigserial PRIMARY KEY,
        ballot_id uuid NOT NULL,
        seq       int NOT NULL CHECK (seq >= 1),
        voter_id  uuid NOT NULL,
        position  text NOT NULL CHECK (position IN ('APPROVE','OBJECT','ABSTAIN')),
        comment   text CHECK (length(comment) <= 5000),
        cast_at   timestamptz NOT NULL DEFAULT now(),
        revision  int NOT NULL CHECK (revision >= 1),
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash      text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        FOREIGN KEY (ballot_id, voter_id) REFERENCES ballot_elector (ballot_id, person_id) ON DELETE CASCADE,
        CHECK (position <> 'OBJECT' OR (comment IS NOT NULL AND btrim(comment) <> '')),
        UNIQUE (ballot_id, seq),
        UNIQUE (ballot_id, voter_id, revision),
        UNIQUE (ballot_id, hash)
      )`);
    await q.query(`
      CREATE TABLE current_vote (
        ballot_id uuid NOT NULL,
        voter_id  uuid NOT NULL,
        record_id bigint NOT NULL UNIQUE REFERENCES vote_record (id) ON DELETE CASCADE,
        position  text NOT NULL CHECK (position IN ('APPROVE','OBJECT','ABSTAIN')),
        revision  int NOT NULL CHECK (revision >= 1),
        PRIMARY KEY (ballot_id, voter_id),
        FOREIGN KEY (ballot_id, voter_id) REFERENCES ballot_elector (ballot_id, person_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX current_vote_position_idx ON current_vote (ballot_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['current_vote', 'vote_record', 'ballot_elector', 'ballot', 'tor_version', 'terms_of_reference']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
