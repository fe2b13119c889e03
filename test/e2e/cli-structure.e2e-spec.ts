import { jest } from '@jest/globals';
import { createLogger } from '@app/platform';
import { bootstrapCommand } from '../../apps/cli/src/bootstrap.command';
import { seedCommand } from '../../apps/cli/src/seed.command';
import { errorCodes, useGateway } from '../support/gateway-harness';
import { useFixtures } from '../support/fixtures';
import { testConfig, uniqueId } from '../support/test-config';

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken person { email } } }`;
const ACCEPT = `mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { accessToken } }`;
const STRUCTURE = `query { initiative(slug: "u4ssc") { name timeZone launchedOn
  members(first: 200) { totalCount edges { node { role person { email } } } }
  workingGroups { code name status chairs { email } members(first: 200) { edges { node { role person { email } } } } } } }`;

describe('CLI: seed and bootstrap', () => {
  const logger = createLogger('silent', 'cli');

  const gateway = useGateway();
  const fx = useFixtures();

  /** Runs a command, capturing what it prints. */
  async function run(command: typeof seedCommand, args: string[] = [], overrides: Record<string, string> = {}) {
    const out: string[] = [];
    const spies = [process.stdout, process.stderr].map((stream) =>
      jest.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array) => {
        out.push(String(chunk));
        return true;
      }) as typeof stream.write),
    );
    try {
      const code = await command.run({ config: testConfig(overrides), logger, args });
      return { code, out: out.join('') };
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  }

  const snapshot = () =>
    fx.query(
      `SELECT (SELECT json_agg(x ORDER BY x.email) FROM (SELECT p.email, p.name, p.password_hash, p.organization_id, im.role, im.since
                 FROM person p JOIN initiative_member im ON im.person_id = p.id JOIN initiative i ON i.id = im.initiative_id WHERE i.slug = 'u4ssc') x) AS people,
              (SELECT json_agg(w ORDER BY w.code) FROM (SELECT wg.* FROM working_group wg JOIN initiative i ON i.id = wg.initiative_id WHERE i.slug = 'u4ssc') w) AS groups,
              (SELECT json_agg(g ORDER BY g.working_group_id, g.person_id) FROM (SELECT gm.* FROM group_member gm JOIN initiative i ON i.id = gm.initiative_id WHERE i.slug = 'u4ssc') g) AS group_members,
              (SELECT count(*)::int FROM organization) AS organizations`,
    );

  it('seed loads the U4SSC structure of DOMAIN.md; a second run changes nothing', async () => {
    expect((await run(seedCommand)).code).toBe(0);
    const first = await snapshot();
    expect((await run(seedCommand)).code).toBe(0);
    expect(await snapshot()).toEqual(first);

    const login = await gateway.gql<{ login: { accessToken: string } }>(LOGIN, {
      email: 'secretariat@u4ssc.example',
      password: gateway.config.DEMO_PASSWORD,
    });
    expect(login.errors).toBeUndefined();
    type Structure = {
      initiative: {
        name: string;
        timeZone: string;
        launchedOn: string;
        members: { totalCount: number; edges: { node: { role: string; person: { email: string } } }[] };
        workingGroups: {
          code: string;
          name: string;
          status: string;
          chairs: { email: string }[];
          members: { edges: { node: { role: string; person: { email: string } } }[] };
        }[];
      };
    };
    const result = await gateway.gql<Structure>(STRUCTURE, {}, login.data!.login.accessToken);
    expect(result.errors).toBeUndefined();
    const ini = result.data!.initiative;
    expect(ini).toMatchObject({
      name: 'United for Smart Sustainable Cities',
      timeZone: 'Europe/Zurich',
      launchedOn: '2016-05-01',
    });
    const roles = Object.fromEntries(ini.members.edges.map((e) => [e.node.person.email, e.node.role]));
    expect(ini.members.totalCount).toBe(18);
    expect(roles['secretariat@u4ssc.example']).toBe('SECRETARIAT');
    expect(roles['observer@u4ssc.example']).toBe('OBSERVER');
    expect(Object.values(roles).filter((r) => r === 'MEMBER')).toHaveLength(16);
    expect(ini.workingGroups.map((g) => [g.code, g.name, g.status])).toEqual([
      ['WG1', 'Setting the Framework', 'ACTIVE'],
      ['WG2', 'Connecting Cities and Communities', 'ACTIVE'],
      ['WG3', 'Enhancing Innovation and Participation', 'ACTIVE'],
    ]);
    const [wg1, wg2, wg3] = ini.workingGroups;
    expect(wg1.chairs.map((p) => p.email)).toEqual(['chair.wg1@u4ssc.example', 'vice.wg1@u4ssc.example']);
    expect(wg2.chairs.map((p) => p.email)).toEqual(['chair.wg2@u4ssc.example']);
    expect(wg3.chairs.map((p) => p.email)).toEqual(['chair.wg3@u4ssc.example']);
    const plain = (g: Structure['initiative']['workingGroups'][0]) =>
      g.members.edges
        .filter((e) => e.node.role === 'MEMBER')
        .map((e) => e.node.person.email)
        .sort();
    expect(plain(wg1)).toEqual(['member01', 'member02', 'member03', 'member04'].map((m) => `${m}@u4ssc.example`));
    expect(plain(wg2)).toEqual(['member05', 'member06', 'member07', 'member08'].map((m) => `${m}@u4ssc.example`));
    expect(plain(wg3)).toEqual(['member09', 'member10', 'member11', 'member12'].map((m) => `${m}@u4ssc.example`));
    const orgs = await fx.query<{ acronym: string; kind: string }>(
      `SELECT acronym, kind FROM organization WHERE acronym IN ('ITU', 'UNECE')`,
    );
    expect(orgs.map((o) => o.kind)).toEqual(['UN_BODY', 'UN_BODY']);
  });

  it('seed refuses to run when NODE_ENV=production', async () => {
    const config = Object.assign(testConfig(), { NODE_ENV: 'production' as const });
    expect(await seedCommand.run({ config, logger, args: [] })).toBe(1);
  });

  it('bootstrap creates an initiative and its first SECRETARIAT, printing a one-time invitation link', async () => {
    const slug = `boot-${uniqueId()}`;
    const email = `first-${uniqueId()}@example.org`;
    const args = [
      '--slug',
      slug,
      '--name',
      'Boot Initiative',
      '--time-zone',
      'Europe/Zurich',
      '--email',
      email,
      '--person-name',
      'First Sec',
    ];
    const { code, out } = await run(bootstrapCommand, args, { PUBLIC_URL: 'https://wg.example.org' });
    expect(code).toBe(0);
    const match = /https:\/\/wg\.example\.org\/invitation\/([\w%-]+)/.exec(out);
    expect(match).not.toBeNull();
    const token = decodeURIComponent(match![1]);
    const accepted = await gateway.gql<{ acceptInvitation: { accessToken: string } }>(ACCEPT, {
      token,
      password: 'first-password',
    });
    expect(accepted.errors).toBeUndefined();
    expect((await gateway.gql(LOGIN, { email, password: 'first-password' })).errors).toBeUndefined();
    const rows = await fx.query(
      `SELECT im.role, i.time_zone FROM initiative_member im JOIN initiative i ON i.id = im.initiative_id JOIN person p ON p.id = im.person_id
        WHERE i.slug = $1 AND p.email = $2`,
      [slug, email],
    );
    expect(rows).toEqual([{ role: 'SECRETARIAT', time_zone: 'Europe/Zurich' }]);
    expect(errorCodes(await gateway.gql(ACCEPT, { token, password: 'first-password' }))).toEqual(['UNAUTHENTICATED']);

    // A second bootstrap with the same slug changes nothing.
    const again = await run(bootstrapCommand, [...args.slice(0, 7), 'other@example.org', '--person-name', 'X']);
    expect(again.code).toBe(1);
    expect(await fx.query(`SELECT 1 FROM person WHERE email = 'other@example.org'`)).toEqual([]);
  });

  it('bootstrap refuses bad options, changing nothing', async () => {
    const slug = `boot-${uniqueId()}`;
    const { code, out } = await run(bootstrapCommand, [
      '--slug',
      slug,
      '--name',
      'X',
      '--time-zone',
      'Mars/Base',
      '--email',
      'bad',
      '--person-name',
      'Y',
    ]);
    expect(code).toBe(2);
    expect(out).toContain('--time-zone');
    expect(out).toContain('--email');
    expect(await fx.query(`SELECT 1 FROM initiative WHERE slug = $1`, [slug])).toEqual([]);
    expect((await run(bootstrapCommand, ['--password', 'x'])).code).toBe(2);
  });
});
