import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '@app/platform';
import { useFixtures } from '../support/fixtures';
import { errorCodes, useGateway } from '../support/gateway-harness';
import { clientAddress, from, LOGIN } from '../support/sign-in';
import { uniqueId } from '../support/test-config';

type LogLine = { level: number; reqId?: string; code?: string; reason?: string; msg: string; context?: string };
const INFO = 30;
const WARN = 40;
const ERROR = 50;

/**
 * Client errors are not server errors in the logs (audit finding 16): a refusal is logged at
 * info (warn for a rate limit) with its code and the request id, never at error, and never by
 * Nest's ExceptionsHandler; error stays for what an operator must look at.
 */
describe('error logging', () => {
  const lines: LogLine[] = [];
  const capture = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const gateway = useGateway({ LOG_LEVEL: 'info' }, createLogger('info', 'gateway', capture));
  const fx = useFixtures();

  it('logs a wrong password, NOT_FOUND, BAD_USER_INPUT, FORBIDDEN, CONFLICT and a rate limit below error, with code and request id', async () => {
    const initiative = await fx.initiative();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const member = await fx.person(initiative.id, 'MEMBER');
    const orgName = `Logged Org ${uniqueId()}`;
    const createOrg = `mutation ($name: String!) { createOrganization(input: { name: $name, kind: CITY }) { id } }`;
    expect((await gateway.gql(createOrg, { name: orgName }, secretariat.token)).errors).toBeUndefined();
    const attacker = clientAddress();
    for (let i = 0; i < 10; i++)
      await gateway.gql(LOGIN, { email: secretariat.email, password: `wrong-${i}-password` }, undefined, from(attacker));

    const send = (
      query: string,
      variables: Record<string, unknown>,
      token: string | undefined,
      headers: Record<string, string> = {},
    ) => {
      const reqId = randomUUID();
      return { reqId, result: gateway.gql(query, variables, token, { ...headers, 'x-request-id': reqId }) };
    };
    const expectations: { reqId: string; code: string; level: number; reason?: string }[] = [];
    const run = async (code: string, level: number, request: ReturnType<typeof send>, reason?: string) => {
      expect(errorCodes(await request.result)).toEqual([code]);
      expectations.push({ reqId: request.reqId, code, level, reason });
    };
    await run(
      'UNAUTHENTICATED',
      INFO,
      send(LOGIN, { email: member.email, password: 'a-wrong-password' }, undefined, from(clientAddress())),
    );
    await run(
      'NOT_FOUND',
      INFO,
      send(`query ($s: String!) { initiative(slug: $s) { id } }`, { s: `nope-${uniqueId()}` }, member.token),
    );
    await run('BAD_USER_INPUT', INFO, send(createOrg, { name: '' }, secretariat.token));
    await run('FORBIDDEN', INFO, send(createOrg, { name: `Other ${uniqueId()}` }, member.token));
    await run('CONFLICT', INFO, send(createOrg, { name: orgName.toUpperCase() }, secretariat.token));
    await run(
      'FORBIDDEN',
      WARN,
      send(LOGIN, { email: secretariat.email, password: 'yet-another-guess' }, undefined, from(attacker)),
      'RATE_LIMITED',
    );

    for (const { reqId, code, level, reason } of expectations) {
      const logged = lines.filter((l) => l.reqId === reqId && l.code);
      expect(logged.map((l) => ({ level: l.level, code: l.code, reason: l.reason }))).toEqual([{ level, code, reason }]);
    }
    expect(lines.filter((l) => l.level >= ERROR)).toEqual([]);
    expect(lines.filter((l) => l.context === 'ExceptionsHandler')).toEqual([]);
    // Never the password itself.
    expect(JSON.stringify(lines)).not.toContain('a-wrong-password');
  });
});
