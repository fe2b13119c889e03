import { one, type Queryable, updated } from '@app/platform';

/** The demo ballot's SQL, in the seed's transaction: the same statements as BallotsService.open. */
export class DemoBallotRepository {
  constructor(private readonly m: Queryable) {}

  /** The initiative's own document, locked, if it has never had a ballot. */
  unballotedInitiativeTor(slug: string): Promise<{ id: string; initiativeId: string } | null> {
    return one(
      this.m,
      `SELECT t.id, t.initiative_id AS "initiativeId"
         FROM terms_of_reference t JOIN initiative i ON i.id = t.initiative_id
        WHERE i.slug = $1 AND t.working_group_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM ballot b WHERE b.tor_id = t.id)
        FOR UPDATE OF t`,
      [slug],
    );
  }

  /** Opens a MAJORITY ballot (quorum one half) of the initiative's MEMBERs on the latest version. */
  async open(
    torId: string,
    initiativeId: string,
    openDays: number,
  ): Promise<{ id: string; closesAt: Date; electorateSize: number }> {
    const ballot = await one<{ id: string; closesAt: Date; electorateSize: number }>(
      this.m,
      `WITH electors AS (SELECT person_id FROM initiative_member WHERE initiative_id = $2 AND role = 'MEMBER'),
            version AS (SELECT id FROM tor_version WHERE tor_id = $1 ORDER BY number DESC LIMIT 1),
            opener AS (SELECT id FROM person WHERE lower(email) = 'secretariat@u4ssc.example'),
            b AS (
              INSERT INTO ballot (tor_id, version_id, opened_by, opens_at, closes_at, rule, quorum, electorate_size)
              SELECT $1, version.id, opener.id, date_trunc('milliseconds', clock_timestamp()),
                     date_trunc('hour', clock_timestamp()) + make_interval(days => $3::int), 'MAJORITY', 0.5,
                     (SELECT count(*) FROM electors)
                FROM version, opener
              RETURNING id, closes_at, electorate_size),
            e AS (INSERT INTO ballot_elector (ballot_id, person_id) SELECT b.id, electors.person_id FROM b, electors RETURNING 1)
       SELECT b.id, b.closes_at AS "closesAt", b.electorate_size AS "electorateSize" FROM b`,
      [torId, initiativeId, openDays],
    );
    await updated(this.m, `UPDATE terms_of_reference SET status_before_ballot = status, status = 'UNDER_BALLOT' WHERE id = $1`, [
      torId,
    ]);
    return ballot!;
  }
}
