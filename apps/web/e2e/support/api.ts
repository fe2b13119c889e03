import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './fixtures';
import { MAIL_DIR } from './global-setup';

/** GraphQL through the gateway, as another client would: the browser tests' own fixtures. */
export async function gql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await request.post('/graphql', {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    data: { query, variables },
  });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

export async function login(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(
    request,
    `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
    { email, password },
  );
  return data.login.accessToken;
}

export async function demoInitiativeId(request: APIRequestContext, token: string): Promise<string> {
  return (await gql<{ initiative: { id: string } }>(request, `{ initiative(slug: "u4ssc") { id } }`, {}, token)).initiative.id;
}

export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Registers a MEMBER of the demo initiative with a password and a time zone (as the secretariat). */
export async function registerMember(
  request: APIRequestContext,
  name: string,
  timeZone: string,
  password?: string,
): Promise<string> {
  return (await registerPerson(request, name, timeZone, password)).email;
}

/** registerMember, with the new person's id. */
export async function registerPerson(
  request: APIRequestContext,
  name: string,
  timeZone: string,
  password?: string,
): Promise<{ id: string; email: string }> {
  const secretariat = await login(request, 'secretariat@u4ssc.example');
  const initiativeId = await demoInitiativeId(request, secretariat);
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${uniqueSuffix()}@example.org`;
  const data = await gql<{ registerPerson: { id: string } }>(
    request,
    `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`,
    { input: { initiativeId, email, name, role: 'MEMBER', timeZone, ...(password ? { password } : {}) } },
    secretariat,
  );
  return { id: data.registerPerson.id, email };
}

/** The demo's open ballot, read through the API as the secretariat. */
export async function demoBallot(request: APIRequestContext): Promise<{ id: string; closesAt: string; electorateSize: number }> {
  const token = await login(request, 'secretariat@u4ssc.example');
  const data = await gql<{
    initiative: { termsOfReference: { ballots: { id: string; status: string; closesAt: string; electorateSize: number }[] } };
  }>(request, `{ initiative(slug: "u4ssc") { termsOfReference { ballots { id status closesAt electorateSize } } } }`, {}, token);
  const open = data.initiative.termsOfReference.ballots.find((b) => b.status === 'OPEN');
  if (!open) throw new Error('the demo seed has no OPEN ballot');
  return open;
}

/**
 * A new working group whose only member is `person`, as its CHAIR (set by the secretariat); its
 * terms of reference, drafted by that chair; and a ballot on them, opened by the secretariat.
 * Opening it notifies the electorate (BALLOT_OPENED): that person alone.
 */
export async function openBallotForGroupOf(request: APIRequestContext, person: { id: string; email: string }): Promise<string> {
  const secretariat = await login(request, 'secretariat@u4ssc.example');
  const initiativeId = await demoInitiativeId(request, secretariat);
  const code = `WG-${uniqueSuffix().slice(-5).toUpperCase()}`;
  const group = await gql<{ createWorkingGroup: { id: string } }>(
    request,
    `mutation ($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`,
    { input: { initiativeId, code, name: `Group ${code}`, mandate: 'To test live notifications.' } },
    secretariat,
  );
  const workingGroupId = group.createWorkingGroup.id;
  await gql(
    request,
    `mutation ($input: SetGroupRoleInput!) { setGroupRole(input: $input) { role } }`,
    { input: { workingGroupId, personId: person.id, role: 'CHAIR' } },
    secretariat,
  );
  const chair = await login(request, person.email);
  const tor = await gql<{ draftTermsOfReference: { id: string } }>(
    request,
    `mutation ($input: DraftTermsOfReferenceInput!) { draftTermsOfReference(input: $input) { id } }`,
    { input: { initiativeId, workingGroupId, title: `Terms of reference of ${code}`, body: 'Purpose: to test.' } },
    chair,
  );
  const closesAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
  const ballot = await gql<{ openBallot: { id: string } }>(
    request,
    `mutation ($input: OpenBallotInput!) { openBallot(input: $input) { id } }`,
    { input: { termsOfReferenceId: tor.draftTermsOfReference.id, closesAt, rule: 'MAJORITY', quorum: 0.5 } },
    secretariat,
  );
  return ballot.openBallot.id;
}

/** The link of the invitation e-mail written for `email` under the gateway's MAIL_DIR (waits for it). */
export async function invitationLink(email: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const file of readdirSync(MAIL_DIR).filter((f) => f.endsWith('.eml'))) {
      // Quoted-printable: soft line breaks and =3D must be undone before reading the link.
      const text = readFileSync(join(MAIL_DIR, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/gi, '=');
      if (!text.toLowerCase().includes(email.toLowerCase())) continue;
      const link = /https?:\/\/[^\s"<>]+\/invitation\/[\w%-]+/.exec(text);
      if (link) return link[0];
    }
    await new Promise((wake) => setTimeout(wake, 250));
  }
  throw new Error(`no invitation e-mail for ${email} in ${MAIL_DIR}`);
}
