import type { Fixtures } from './fixtures';
import { type GatewayUnderTest, ok } from './gateway-harness';
import { DRAFT } from './tor-fixtures';

export const COMMENT_FIELDS = `id body createdAt editedAt deleted paragraph author { id name } version { id number }
  replies { id body paragraph deleted author { id } version { number } replies { id } }`;
export const AMENDMENT_FIELDS = `id paragraph originalText proposedText rationale status resolution resolvedAt createdAt
  termsOfReference { id } baseVersion { id number } proposer { id } resolvedBy { id } resultingVersion { id number }`;

export const COMMENT_ON_TOR = `mutation($input: CommentOnTermsOfReferenceInput!) { commentOnTermsOfReference(input: $input) { ${COMMENT_FIELDS} } }`;
export const COMMENT_ON_KPI = `mutation($input: CommentOnKpiInput!) { commentOnKpi(input: $input) { ${COMMENT_FIELDS} } }`;
export const EDIT = `mutation($id: ID!, $body: String!) { editComment(id: $id, body: $body) { ${COMMENT_FIELDS} } }`;
export const DELETE = `mutation($id: ID!) { deleteComment(id: $id) { ${COMMENT_FIELDS} } }`;
export const PROPOSE = `mutation($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { ${AMENDMENT_FIELDS} } }`;
export const ACCEPT = `mutation($input: AcceptAmendmentsInput!) { acceptAmendments(input: $input) { id number body changeSummary author { id } } }`;
export const REJECT = `mutation($id: ID!, $reason: String!) { rejectAmendment(id: $id, reason: $reason) { ${AMENDMENT_FIELDS} } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawAmendment(id: $id) { ${AMENDMENT_FIELDS} } }`;
export const AMENDMENT = `query($id: ID!) { amendment(id: $id) { ${AMENDMENT_FIELDS} } }`;
export const DISCUSSION = `query($id: ID!, $status: AmendmentStatus, $first: Int, $after: String) { termsOfReference(id: $id) {
  id versions { number body }
  comments(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${COMMENT_FIELDS} } } }
  amendments(status: $status) { ${AMENDMENT_FIELDS} } } }`;
export const KPI_COMMENTS = `query($id: ID!) { kpi(id: $id) { id comments { totalCount edges { node { ${COMMENT_FIELDS} } } } } }`;

/** Three paragraphs, separated by blank lines. */
export const TEXT = 'Purpose: cities.\n\nMembership: open to all.\n\nMeetings: twice a year.\n';

export async function draftDocument(gateway: GatewayUnderTest, token: string, initiativeId: string, workingGroupId?: string) {
  return ok(
    await gateway.gql<{ draftTermsOfReference: { id: string; versions: { id: string; number: number }[] } }>(
      DRAFT,
      { input: { initiativeId, workingGroupId, title: 'Terms of reference', body: TEXT } },
      token,
    ),
  ).draftTermsOfReference;
}

export async function propose(
  gateway: GatewayUnderTest,
  token: string,
  termsOfReferenceId: string,
  paragraph: number,
  proposedText: string,
) {
  return ok(
    await gateway.gql<{ proposeAmendment: { id: string; status: string } }>(
      PROPOSE,
      { input: { termsOfReferenceId, paragraph, proposedText, rationale: 'Clearer' } },
      token,
    ),
  ).proposeAmendment;
}

export async function comment(gateway: GatewayUnderTest, token: string, input: Record<string, unknown>) {
  return ok(await gateway.gql<{ commentOnTermsOfReference: { id: string } }>(COMMENT_ON_TOR, { input }, token))
    .commentOnTermsOfReference;
}

/** A KPI of the initiative, written straight to PostgreSQL. */
export async function kpi(fixtures: Fixtures, initiativeId: string, code = 'EC:ICT:ICT:1C'): Promise<{ id: string }> {
  const [row] = await fixtures.query<{ id: string }>(
    `INSERT INTO kpi (initiative_id, code, name, dimension, sub_dimension, category, level)
     VALUES ($1, $2, 'Household Internet Access', 'ECONOMY', 'ICT', 'ICT infrastructure', 'CORE') RETURNING id`,
    [initiativeId, code],
  );
  return row;
}

/** What the discussion tables hold for a document (to check that a refusal changed nothing). */
export async function discussionState(fixtures: Fixtures, torId: string) {
  const [state] = await fixtures.query(
    `SELECT (SELECT count(*)::int FROM tor_version WHERE tor_id = $1) AS versions,
            (SELECT count(*)::int FROM discussion_comment WHERE tor_id = $1) AS comments,
            (SELECT coalesce(json_agg(json_build_object('id', id, 'status', status, 'resolution', resolution) ORDER BY id), '[]')
               FROM amendment WHERE tor_id = $1) AS amendments,
            (SELECT count(*)::int FROM outbox_event WHERE topic = 'discussion.notice'
               AND subject_id IN (SELECT id FROM amendment WHERE tor_id = $1 UNION SELECT id FROM discussion_comment WHERE tor_id = $1)) AS notices`,
    [torId],
  );
  return state;
}
