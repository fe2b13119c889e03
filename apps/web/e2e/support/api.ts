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
  const secretariat = await login(request, 'secretariat@u4ssc.example');
  const initiativeId = await demoInitiativeId(request, secretariat);
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${uniqueSuffix()}@example.org`;
  await gql(
    request,
    `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`,
    { input: { initiativeId, email, name, role: 'MEMBER', timeZone, ...(password ? { password } : {}) } },
    secretariat,
  );
  return email;
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
