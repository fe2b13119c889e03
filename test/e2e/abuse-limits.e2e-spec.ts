import { useFixtures } from '../support/fixtures';
import { useGateway } from '../support/gateway-harness';
import { uniqueId } from '../support/test-config';

const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;

describe('abuse limits', () => {
  describe('mutations per account', () => {
    const gateway = useGateway({ MUTATION_RATE_LIMIT: '5' });
    const fixtures = useFixtures();

    it('refuses the 6th mutation of a minute with FORBIDDEN, RATE_LIMITED, retryAfter and HTTP 429; others are unaffected', async () => {
      const initiative = await fixtures.initiative();
      const [alice, bob] = [
        await fixtures.person(initiative.id, 'SECRETARIAT'),
        await fixtures.person(initiative.id, 'SECRETARIAT'),
      ];
      const create = (token: string) => gateway.gql(CREATE_ORG, { input: { name: `Org ${uniqueId()}`, kind: 'CITY' } }, token);

      // Windows are calendar minutes: start well inside one so the six calls share it, even on a
      // busy machine where each call may take a second or two.
      const untilNextWindow = 60_000 - (Date.now() % 60_000);
      if (untilNextWindow < 15_000) await new Promise((r) => setTimeout(r, untilNextWindow + 100));
      for (let i = 0; i < 5; i += 1) expect((await create(alice.token)).errors).toBeUndefined();
      const refused = await create(alice.token);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RATE_LIMITED' });
      const retryAfter = refused.errors?.[0].extensions.retryAfter as number;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers.get('retry-after')).toBe(String(retryAfter));

      // Queries are not limited, and another account has its own budget.
      expect((await gateway.gql('{ me { id } }', {}, alice.token)).errors).toBeUndefined();
      expect((await create(bob.token)).errors).toBeUndefined();
      const [{ n }] = await fixtures.query<{ n: number }>(`SELECT count(*)::int AS n FROM organization WHERE name LIKE 'Org %'`);
      expect(n).toBeGreaterThanOrEqual(6);
    });

    it('counts every mutation of a request: aliased mutations use the budget one each', async () => {
      const initiative = await fixtures.initiative();
      const [carol, dave] = [
        await fixtures.person(initiative.id, 'SECRETARIAT'),
        await fixtures.person(initiative.id, 'SECRETARIAT'),
      ];
      const batch = uniqueId();
      const aliased = (count: number, token: string) =>
        gateway.gql(
          `mutation { ${Array.from(
            { length: count },
            (_, i) => `o${i}: createOrganization(input: { name: "Batch ${batch} ${uniqueId()}", kind: CITY }) { id }`,
          ).join(' ')} }`,
          {},
          token,
        );
      const created = async () =>
        (
          await fixtures.query<{ n: number }>(`SELECT count(*)::int AS n FROM organization WHERE name LIKE $1`, [
            `Batch ${batch} %`,
          ])
        )[0].n;

      const untilNextWindow = 60_000 - (Date.now() % 60_000);
      if (untilNextWindow < 5_000) await new Promise((r) => setTimeout(r, untilNextWindow + 100));
      // Six in one request are over a budget of five: refused whole, nothing created.
      const six = await aliased(6, carol.token);
      expect(six.status).toBe(429);
      expect(six.errors?.map((e) => [e.extensions.code, e.extensions.reason])).toEqual([['FORBIDDEN', 'RATE_LIMITED']]);
      expect(await created()).toBe(0);
      // Three, then two, fill the budget of another account; the next single one is refused.
      expect((await aliased(3, dave.token)).errors).toBeUndefined();
      expect((await aliased(2, dave.token)).errors).toBeUndefined();
      expect(await created()).toBe(5);
      expect((await aliased(1, dave.token)).status).toBe(429);
      expect(await created()).toBe(5);
    });
  });

  describe('production defaults', () => {
    const gateway = useGateway({
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(48),
      SMTP_URL: 'smtp://127.0.0.1:2525',
      CORS_ORIGINS: 'https://secretariat.example.org',
    });

    it('turns introspection and the IDE off', async () => {
      const result = await gateway.gql('{ __schema { queryType { name } } }');
      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(/introspection/i);
      expect((await fetch(`${gateway.url}/ide`)).status).toBe(404);
    });

    it('allows browser origins from CORS_ORIGINS only', async () => {
      const allowed = await fetch(`${gateway.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://secretariat.example.org', 'access-control-request-method': 'POST' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://secretariat.example.org');
      const other = await fetch(`${gateway.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers unexpected failures without stack traces', async () => {
      const result = await gateway.gql('{ me { id } }', {}, 'not-a-token');
      expect(JSON.stringify(result.errors)).not.toMatch(/stack|at \w+ \(|node_modules/);
      expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });
});
