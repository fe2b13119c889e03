import { createHash } from 'node:crypto';
import type { StoredChainRecord } from '@app/terms-of-reference';
import type { Fixtures } from './fixtures';
import { type GatewayUnderTest, ok } from './gateway-harness';

/** GraphQL documents and helpers shared by the terms-of-reference and ballot e2e tests. */
export const TOR_FIELDS = `
  id title status
  initiative { id } workingGroup { id }
  versions { id number body contentHash changeSummary author { id } createdAt }
  currentVersion { id number }
  approvedVersion { id number }
  ballots { id status }`;

export const BALLOT_FIELDS = `
  id status rule quorum opensAt closesAt electorateSize votesCast participation outcome chainHead eligibleToVote
  termsOfReference { id status } version { id number }
  tally { approve object abstain notVoted }
  myVote { position comment revision castAt voter { id } }
  votes(first: 200) { totalCount edges { cursor node { position comment revision voter { id } } } pageInfo { hasNextPage endCursor } }`;

export const DRAFT = `mutation($input: DraftTermsOfReferenceInput!) { draftTermsOfReference(input: $input) { ${TOR_FIELDS} } }`;
export const REVISE = `mutation($input: ReviseTermsOfReferenceInput!) { reviseTermsOfReference(input: $input) { id number body contentHash changeSummary author { id } } }`;
export const TOR = `query($id: ID!) { termsOfReference(id: $id) { ${TOR_FIELDS} } }`;
export const OPEN = `mutation($input: OpenBallotInput!) { openBallot(input: $input) { ${BALLOT_FIELDS} } }`;
export const BALLOT = `query($id: ID!) { ballot(id: $id) { ${BALLOT_FIELDS} } }`;
export const CAST = `mutation($input: CastVoteInput!) { castVote(input: $input) { receipt vote { position comment revision castAt voter { id } } } }`;
export const CLOSE = `mutation($id: ID!) { closeBallot(ballotId: $id) { ${BALLOT_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!, $reason: String!) { cancelBallot(ballotId: $id, reason: $reason) { ${BALLOT_FIELDS} } }`;
export const VERIFY = `query($ballotId: ID!, $receipt: String!) { verifyBallotReceipt(ballotId: $ballotId, receipt: $receipt) { valid superseded position castAt } }`;

export type Person = { id: string; email: string; token: string };

/** An initiative with a secretariat, `members` MEMBERs, an observer and an outsider (in another initiative). */
export async function community(fixtures: Fixtures, members = 3) {
  const initiative = await fixtures.initiative();
  const secretariat = await fixtures.person(initiative.id, 'SECRETARIAT');
  const people: Person[] = [];
  for (let i = 0; i < members; i++) people.push(await fixtures.person(initiative.id, 'MEMBER'));
  const observer = await fixtures.person(initiative.id, 'OBSERVER');
  const elsewhere = await fixtures.initiative();
  const outsider = await fixtures.person(elsewhere.id, 'SECRETARIAT');
  return { initiative, secretariat, members: people, observer, outsider };
}

export const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

export async function draftTor(gateway: GatewayUnderTest, token: string, initiativeId: string, workingGroupId?: string) {
  return ok(
    await gateway.gql(
      DRAFT,
      { input: { initiativeId, workingGroupId, title: 'Terms of reference', body: 'Purpose: to test.' } },
      token,
    ),
  ).draftTermsOfReference;
}

export async function openBallot(
  gateway: GatewayUnderTest,
  token: string,
  termsOfReferenceId: string,
  fields: { closesAt?: string; rule?: string; quorum?: number } = {},
) {
  return ok(
    await gateway.gql(
      OPEN,
      {
        input: {
          termsOfReferenceId,
          closesAt: fields.closesAt ?? inSeconds(3600),
          rule: fields.rule ?? 'MAJORITY',
          quorum: fields.quorum ?? 0.5,
        },
      },
      token,
    ),
  ).openBallot;
}

export function castVote(gateway: GatewayUnderTest, token: string, ballotId: string, position: string, comment?: string | null) {
  return gateway.gql(CAST, { input: { ballotId, position, comment } }, token);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * An OPEN MAJORITY ballot (quorum 0.5) on new terms of reference of the initiative, closing
 * `closesInMs` from now by the database clock, with its electorate: written as openBallot writes
 * them, without the outbox row (a test announces the ballot itself when it needs to).
 */
export async function storedBallot(
  fixtures: Fixtures,
  fields: { initiativeId: string; openedBy: string; electorIds: string[]; closesInMs?: number },
): Promise<{ id: string; closesAt: Date }> {
  const [tor] = await fixtures.query<{ id: string }>(
    `INSERT INTO terms_of_reference (initiative_id, title) VALUES ($1, 'Terms of reference') RETURNING id`,
    [fields.initiativeId],
  );
  const [version] = await fixtures.query<{ id: string }>(
    `INSERT INTO tor_version (tor_id, number, body, content_hash, author_id) VALUES ($1, 1, 'Text', $2, $3) RETURNING id`,
    [tor.id, sha256('Text'), fields.openedBy],
  );
  const [ballot] = await fixtures.query<{ id: string; closesAt: Date }>(
    `INSERT INTO ballot (tor_id, version_id, opened_by, closes_at, rule, quorum, electorate_size)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4::double precision / 1000), 'MAJORITY', 0.5, $5)
     RETURNING id, closes_at AS "closesAt"`,
    [tor.id, version.id, fields.openedBy, fields.closesInMs ?? 3_600_000, fields.electorIds.length],
  );
  await fixtures.query(`INSERT INTO ballot_elector (ballot_id, person_id) SELECT $1, unnest($2::uuid[])`, [
    ballot.id,
    fields.electorIds,
  ]);
  return ballot;
}

/** A ballot's vote records in chain order, as the hash chain reads them. */
export const chainRecords = (fixtures: Fixtures, ballotId: string) =>
  fixtures.query<StoredChainRecord>(
    `SELECT seq, ballot_id AS "ballotId", voter_id AS "voterId", position, comment, cast_at AS "castAt", revision,
            prev_hash AS "prevHash", hash
       FROM vote_record WHERE ballot_id = $1 ORDER BY seq`,
    [ballotId],
  );

/** Comments whose encoding SQL and Node must agree on. */
export const VOTE_COMMENTS: [string, string | null][] = [
  ['null', null],
  ['empty', ''],
  ['plain', 'Section 3 is unclear'],
  ['unicode', 'Zürich — 東京 — مرحبا — Ελλάδα'],
  ['astral emoji', '👩‍👩‍👧 🇨🇭 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀'],
  ['combining characters', 'e\u0301 a\u0308 A\u030A n\u0303 (decomposed, not normalised)'],
  ['quotes and backslashes', `"double" 'single' \\ back\\slash \\" \\\\u0041 /slash/ </script>`],
  ['newlines and tabs', 'line 1\nline 2\r\nline 3\tend\n'],
  ['control characters', Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('') + '\u007f\u0085'],
  ['line and paragraph separators', 'a\u2028b\u2029c'],
  ['5,000 characters', 'x'.repeat(4990) + '0123456789'],
  ['5,000 UTF-16 units of emoji', '😀'.repeat(2500)],
];

/** Moves a ballot's closesAt into the past, as if time had passed (no job runs). */
export async function expire(fixtures: Fixtures, ballotId: string): Promise<void> {
  await fixtures.query(
    `UPDATE ballot SET opens_at = opens_at - interval '2 hours', closes_at = now() - interval '1 second' WHERE id = $1`,
    [ballotId],
  );
}

/** The triggers that keep vote_record append-only and current_vote written by cast_vote() only, as the chain says. */
export const VOTE_GUARDS = {
  vote_record: ['vote_record_append_only'],
  current_vote: ['current_vote_through_cast_vote', 'current_vote_follows_chain'],
} as const;

/**
 * Runs `sql` with a vote table's guard triggers disabled, in one transaction (ALTER TABLE is
 * transactional: no other session ever sees the table unguarded). What an operator who owns
 * the table would have to do to tamper with votes; the change notices still go out.
 */
export async function tamper(
  fixtures: Fixtures,
  table: keyof typeof VOTE_GUARDS,
  sql: string,
  params: unknown[],
): Promise<number> {
  const client = await fixtures.pool.connect();
  try {
    await client.query('BEGIN');
    for (const guard of VOTE_GUARDS[table]) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${guard}`);
    const result = await client.query(sql, params);
    for (const guard of VOTE_GUARDS[table]) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${guard}`);
    await client.query('COMMIT');
    return result.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export async function outboxTopics(fixtures: Fixtures, subjectId: string): Promise<string[]> {
  const rows = await fixtures.query<{ topic: string }>(`SELECT topic FROM outbox_event WHERE subject_id = $1 ORDER BY id`, [
    subjectId,
  ]);
  return rows.map((r) => r.topic);
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
