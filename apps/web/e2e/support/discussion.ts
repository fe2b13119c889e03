import type { APIRequestContext } from '@playwright/test';
import { demoInitiativeId, gql, login, registerPerson, uniqueSuffix } from './api';
import { DEMO_PASSWORD } from './fixtures';

export const TERMS_BODY = [
  '## 1. Purpose',
  'The group studies how cities measure their progress towards the SDGs.',
  'Members meet by correspondence and decide by consensus.',
].join('\n\n');

export interface DiscussedTerms {
  termsId: string;
  chair: { id: string; email: string; name: string };
  member: { id: string; email: string; name: string };
}

/**
 * A new working group of the demo initiative with a CHAIR and a MEMBER of its own (registered with
 * the demo password), and its terms of reference in three paragraphs, drafted by that chair: a
 * document no other test comments on.
 */
export async function groupWithTerms(request: APIRequestContext): Promise<DiscussedTerms> {
  const secretariat = await login(request, 'secretariat@u4ssc.example');
  const initiativeId = await demoInitiativeId(request, secretariat);
  const suffix = uniqueSuffix().slice(-5).toUpperCase();
  const code = `WG-${suffix}`;
  const chairName = `Carla Chair ${suffix}`;
  const memberName = `Mona Member ${suffix}`;
  const chair = { ...(await registerPerson(request, chairName, 'Europe/Zurich', DEMO_PASSWORD)), name: chairName };
  const member = { ...(await registerPerson(request, memberName, 'America/New_York', DEMO_PASSWORD)), name: memberName };
  const group = await gql<{ createWorkingGroup: { id: string } }>(
    request,
    `mutation ($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`,
    { input: { initiativeId, code, name: `Group ${code}`, mandate: 'To test comments and amendments.' } },
    secretariat,
  );
  const workingGroupId = group.createWorkingGroup.id;
  for (const [person, role] of [
    [chair, 'CHAIR'],
    [member, 'MEMBER'],
  ] as const) {
    await gql(
      request,
      `mutation ($input: SetGroupRoleInput!) { setGroupRole(input: $input) { role } }`,
      { input: { workingGroupId, personId: person.id, role } },
      secretariat,
    );
  }
  const tor = await gql<{ draftTermsOfReference: { id: string } }>(
    request,
    `mutation ($input: DraftTermsOfReferenceInput!) { draftTermsOfReference(input: $input) { id } }`,
    { input: { initiativeId, workingGroupId, title: `Terms of reference of ${code}`, body: TERMS_BODY } },
    await login(request, chair.email),
  );
  return { termsId: tor.draftTermsOfReference.id, chair, member };
}

/** proposeAmendment through the API, as `email`. */
export async function proposeAmendment(
  request: APIRequestContext,
  email: string,
  termsOfReferenceId: string,
  paragraph: number,
  proposedText: string,
): Promise<string> {
  const data = await gql<{ proposeAmendment: { id: string } }>(
    request,
    `mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id } }`,
    { input: { termsOfReferenceId, paragraph, proposedText, rationale: 'Clearer.' } },
    await login(request, email),
  );
  return data.proposeAmendment.id;
}
