import { errorCodes, startGateway, type GatewayUnderTest } from '../support/gateway-harness';
import { Fixtures } from '../support/fixtures';
import { uniqueId } from '../support/test-config';

type Person = { id: string; email: string; token: string };

const INITIATIVES = `query { initiatives { id slug } }`;
const INITIATIVE = `query ($slug: String!, $role: InitiativeRole, $first: Int, $after: String) {
  initiative(slug: $slug) { id slug name timeZone launchedOn
    members(role: $role, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { role since person { id } } } }
    workingGroups { code } } }`;
const GROUP = `query ($id: ID!, $role: GroupRole) { workingGroup(id: $id) { id code name mandate status initiative { slug }
  chairs { id } members(role: $role) { totalCount edges { node { role person { id } } } } } }`;
const REGISTER = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id name email timeZone organization { id } } }`;
const SET_ROLE = `mutation ($i: ID!, $p: ID!, $r: InitiativeRole!) { setInitiativeRole(initiativeId: $i, personId: $p, role: $r) { role since person { id } } }`;
const CREATE_GROUP = `mutation ($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id code name mandate status initiative { id } } }`;
const SET_GROUP_ROLE = `mutation ($input: SetGroupRoleInput!) { setGroupRole(input: $input) { role since person { id } } }`;
const REMOVE = `mutation ($g: ID!, $p: ID!) { removeGroupMember(workingGroupId: $g, personId: $p) }`;
const DEEP = `query ($slug: String!) { initiative(slug: $slug) { workingGroups { chairs { organization { name } } members { edges { node { person { name } } } } } } }`;

const MISSING_UUID = '00000000-0000-4000-8000-000000000000';

describe('structure: initiatives, working groups and memberships', () => {
  let gateway: GatewayUnderTest;
  let fx: Fixtures;
  let ini: { id: string; slug: string };
  let sec: Person;
  let member: Person;
  let observer: Person;
  let outsider: Person;

  beforeAll(async () => {
    gateway = await startGateway();
    fx = new Fixtures(gateway.config);
    ini = await fx.initiative();
    sec = await fx.person(ini.id, 'SECRETARIAT');
    member = await fx.person(ini.id, 'MEMBER');
    observer = await fx.person(ini.id, 'OBSERVER');
    outsider = await fx.person((await fx.initiative()).id, 'SECRETARIAT');
  });
  afterAll(async () => {
    await gateway.close();
    await fx.close();
  });

  const count = async (sql: string, params: unknown[]) =>
    (await fx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;
  const groupRows = (groupId: string) =>
    fx.query<{ person_id: string; role: string }>(
      `SELECT person_id, role FROM group_member WHERE working_group_id = $1 ORDER BY person_id`,
      [groupId],
    );
  const memberRows = (initiativeId: string) =>
    fx.query<{ person_id: string; role: string }>(
      `SELECT person_id, role FROM initiative_member WHERE initiative_id = $1 ORDER BY person_id`,
      [initiativeId],
    );

  describe('reads', () => {
    it('initiatives lists only the initiatives the caller belongs to', async () => {
      const second = await fx.initiative();
      await fx.query(`INSERT INTO initiative_member (initiative_id, person_id, role) VALUES ($1, $2, 'OBSERVER')`, [
        second.id,
        member.id,
      ]);
      const result = await gateway.gql<{ initiatives: { id: string }[] }>(INITIATIVES, {}, member.token);
      expect(result.data!.initiatives.map((i) => i.id).sort()).toEqual([ini.id, second.id].sort());
      expect(errorCodes(await gateway.gql(INITIATIVES))).toEqual(['UNAUTHENTICATED']);
    });

    it('initiative(slug) for any role; NOT_FOUND for an outsider, an unknown or malformed slug', async () => {
      for (const p of [sec, member, observer]) {
        const result = await gateway.gql<{ initiative: { id: string; timeZone: string } }>(
          INITIATIVE,
          { slug: ini.slug },
          p.token,
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!.initiative).toMatchObject({ id: ini.id, timeZone: 'Europe/Zurich' });
      }
      expect(errorCodes(await gateway.gql(INITIATIVE, { slug: ini.slug }, outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(INITIATIVE, { slug: `none-${uniqueId()}` }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(INITIATIVE, { slug: 'Not A Slug!' }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(INITIATIVE, { slug: ini.slug }))).toEqual(['UNAUTHENTICATED']);
    });

    it('members: role filter, cursor pagination and totalCount', async () => {
      const own = await fx.initiative();
      const s = await fx.person(own.id, 'SECRETARIAT');
      const members = [];
      for (let i = 0; i < 5; i++) members.push(await fx.person(own.id, 'MEMBER'));
      await fx.person(own.id, 'OBSERVER');
      type Page = {
        initiative: {
          members: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { role: string; person: { id: string } } }[];
          };
        };
      };
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result: { data: Page | null; errors?: unknown } = await gateway.gql<Page>(
          INITIATIVE,
          { slug: own.slug, role: 'MEMBER', first: 2, after },
          s.token,
        );
        const connection = result.data!.initiative.members;
        expect(connection.totalCount).toBe(5);
        expect(connection.edges.every((e) => e.node.role === 'MEMBER')).toBe(true);
        seen.push(...connection.edges.map((e) => e.node.person.id));
        expect(connection.pageInfo.hasNextPage).toBe(page < 2);
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toEqual(members.map((m) => m.id));
      const all = await gateway.gql<Page>(INITIATIVE, { slug: own.slug }, s.token);
      expect(all.data!.initiative.members.totalCount).toBe(7);
      expect(errorCodes(await gateway.gql(INITIATIVE, { slug: own.slug, after: 'forged' }, s.token))).toEqual(['BAD_USER_INPUT']);
    });

    it('workingGroup(id): chairs (CHAIR first, then VICE_CHAIR), members by role; NOT_FOUND for outsiders and bad ids', async () => {
      const g = await fx.group(ini.id);
      const vice = await fx.person(ini.id);
      const chair = await fx.person(ini.id);
      const plain = await fx.person(ini.id);
      await fx.groupRole(g.id, vice.id, 'VICE_CHAIR');
      await fx.groupRole(g.id, chair.id, 'CHAIR');
      await fx.groupRole(g.id, plain.id, 'MEMBER');
      const result = await gateway.gql<{ workingGroup: Record<string, unknown> }>(GROUP, { id: g.id }, observer.token);
      expect(result.errors).toBeUndefined();
      expect(result.data!.workingGroup).toMatchObject({
        id: g.id,
        code: g.code,
        status: 'ACTIVE',
        initiative: { slug: ini.slug },
      });
      expect(result.data!.workingGroup.chairs).toEqual([{ id: chair.id }, { id: vice.id }]);
      expect(result.data!.workingGroup.members).toMatchObject({ totalCount: 3 });
      const filtered = await gateway.gql<{ workingGroup: { members: unknown } }>(
        GROUP,
        { id: g.id, role: 'MEMBER' },
        member.token,
      );
      expect(filtered.data!.workingGroup.members).toEqual({
        totalCount: 1,
        edges: [{ node: { role: 'MEMBER', person: { id: plain.id } } }],
      });
      expect(errorCodes(await gateway.gql(GROUP, { id: g.id }, outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(GROUP, { id: 'not-a-uuid' }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(GROUP, { id: MISSING_UUID }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(GROUP, { id: g.id }))).toEqual(['UNAUTHENTICATED']);
    });

    it('has no N+1: the deep query issues as many statements for 6 groups as for 3', async () => {
      const counts: number[] = [];
      for (const groups of [3, 6]) {
        const own = await fx.initiative();
        const s = await fx.person(own.id, 'SECRETARIAT');
        const org = (
          await fx.query<{ id: string }>(`INSERT INTO organization (name, kind) VALUES ($1, 'CITY') RETURNING id`, [
            `Org ${uniqueId()}`,
          ])
        )[0];
        for (let i = 0; i < groups; i++) {
          const g = await fx.group(own.id, { code: `WG${i}` });
          for (const role of ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'MEMBER'] as const) {
            const p = await fx.person(own.id);
            await fx.query(`UPDATE person SET organization_id = $2 WHERE id = $1`, [p.id, org.id]);
            await fx.groupRole(g.id, p.id, role);
          }
        }
        const result = await gateway.gql<{
          initiative: { workingGroups: { chairs: unknown[]; members: { edges: unknown[] } }[] };
        }>(DEEP, { slug: own.slug }, s.token);
        expect(result.errors).toBeUndefined();
        expect(result.data!.initiative.workingGroups).toHaveLength(groups);
        expect(result.data!.initiative.workingGroups.every((g) => g.chairs.length === 2 && g.members.edges.length === 4)).toBe(
          true,
        );
        counts.push(result.sqlStatements);
      }
      expect(Number.isFinite(counts[0])).toBe(true);
      expect(counts[1]).toBe(counts[0]);
      expect(counts[0]).toBeLessThanOrEqual(10);
    });
  });

  describe('registerPerson', () => {
    const input = (extra: Record<string, unknown> = {}) => ({
      initiativeId: ini.id,
      name: 'New Person',
      email: `new-${uniqueId()}@example.org`,
      role: 'MEMBER',
      password: 'a-good-password',
      ...extra,
    });
    const people = (email: string) => count(`person WHERE lower(email) = lower($1)`, [email]);

    it('registers a person with the initiative time zone by default and the given role', async () => {
      const org = (
        await fx.query<{ id: string }>(`INSERT INTO organization (name, kind) VALUES ($1, 'ACADEMIA') RETURNING id`, [
          `Uni ${uniqueId()}`,
        ])
      )[0];
      const i = input({ organizationId: org.id, role: 'OBSERVER' });
      const result = await gateway.gql<{ registerPerson: { id: string } }>(REGISTER, { input: i }, sec.token);
      expect(result.errors).toBeUndefined();
      expect(result.data!.registerPerson).toEqual({
        id: expect.any(String),
        name: 'New Person',
        email: i.email,
        timeZone: 'Europe/Zurich',
        organization: { id: org.id },
      });
      const rows = await fx.query(`SELECT role FROM initiative_member WHERE person_id = $1`, [result.data!.registerPerson.id]);
      expect(rows).toEqual([{ role: 'OBSERVER' }]);
      const tz = await gateway.gql<{ registerPerson: { timeZone: string } }>(
        REGISTER,
        { input: input({ timeZone: 'America/New_York' }) },
        sec.token,
      );
      expect(tz.data!.registerPerson.timeZone).toBe('America/New_York');
    });

    it('is CONFLICT when the e-mail is already registered in the initiative (any case), changing nothing', async () => {
      const i = input();
      expect((await gateway.gql(REGISTER, { input: i }, sec.token)).errors).toBeUndefined();
      const before = await memberRows(ini.id);
      const dup = await gateway.gql(REGISTER, { input: { ...i, email: i.email.toUpperCase(), name: 'Other' } }, sec.token);
      expect(errorCodes(dup)).toEqual(['CONFLICT']);
      expect(await people(i.email)).toBe(1);
      expect(await memberRows(ini.id)).toEqual(before);
    });

    it('adds an existing person of another initiative as a member (same person, no new account)', async () => {
      const other = await fx.initiative();
      const existing = await fx.person(other.id, 'MEMBER');
      const result = await gateway.gql<{ registerPerson: { id: string } }>(
        REGISTER,
        { input: input({ email: existing.email }) },
        sec.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.registerPerson.id).toBe(existing.id);
      expect(await people(existing.email)).toBe(1);
      expect(await count(`initiative_member WHERE person_id = $1`, [existing.id])).toBe(2);
    });

    it('is FORBIDDEN for MEMBER and OBSERVER, NOT_FOUND for outsiders and bad ids, UNAUTHENTICATED without a token', async () => {
      const i = input();
      expect(errorCodes(await gateway.gql(REGISTER, { input: i }, member.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(REGISTER, { input: i }, observer.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(REGISTER, { input: i }, outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(REGISTER, { input: i }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(REGISTER, { input: { ...i, initiativeId: 'nope' } }, sec.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gateway.gql(REGISTER, { input: { ...i, initiativeId: MISSING_UUID } }, sec.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gateway.gql(REGISTER, { input: { ...i, organizationId: MISSING_UUID } }, sec.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gateway.gql(REGISTER, { input: { ...i, organizationId: 'x' } }, sec.token))).toEqual(['NOT_FOUND']);
      expect(await people(i.email)).toBe(0);
    });

    it.each([
      ['email', { email: 'not-an-email' }],
      ['email', { email: `${'a'.repeat(250)}@example.org` }],
      ['name', { name: 'n'.repeat(201) }],
      ['name', { name: '' }],
      ['timeZone', { timeZone: 'Mars/Olympus' }],
      ['password', { password: 'short' }],
      ['password', { password: 'p'.repeat(201) }],
    ])('is BAD_USER_INPUT naming %s, changing nothing', async (field, extra) => {
      const i = input(extra);
      const result = await gateway.gql(REGISTER, { input: i }, sec.token);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions.fields).toEqual([{ field, message: expect.any(String) }]);
      expect(await people(i.email)).toBe(0);
    });

    it('20 concurrent registrations of one e-mail create exactly one person; 19 get CONFLICT', async () => {
      const email = `race-${uniqueId()}@example.org`;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          gateway.gql(REGISTER, { input: input({ email: n % 2 ? email.toUpperCase() : email }) }, sec.token),
        ),
      );
      const codes = results.map((r) => errorCodes(r)[0] ?? 'OK');
      expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
      expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(19);
      expect(await people(email)).toBe(1);
      expect(
        await count(`initiative_member im JOIN person p ON p.id = im.person_id WHERE lower(p.email) = lower($1)`, [email]),
      ).toBe(1);
    });
  });

  describe('setInitiativeRole', () => {
    it('replaces the role (one row, new since)', async () => {
      const p = await fx.person(ini.id, 'MEMBER');
      const result = await gateway.gql<{ setInitiativeRole: { role: string; person: { id: string } } }>(
        SET_ROLE,
        { i: ini.id, p: p.id, r: 'OBSERVER' },
        sec.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.setInitiativeRole).toMatchObject({ role: 'OBSERVER', person: { id: p.id } });
      expect(
        await fx.query(`SELECT role FROM initiative_member WHERE initiative_id = $1 AND person_id = $2`, [ini.id, p.id]),
      ).toEqual([{ role: 'OBSERVER' }]);
    });

    it('is CONFLICT when demoting the last SECRETARIAT; allowed once there is another', async () => {
      const own = await fx.initiative();
      const s1 = await fx.person(own.id, 'SECRETARIAT');
      const s2 = await fx.person(own.id, 'MEMBER');
      const refused = await gateway.gql(SET_ROLE, { i: own.id, p: s1.id, r: 'MEMBER' }, s1.token);
      expect(errorCodes(refused)).toEqual(['CONFLICT']);
      expect(await memberRows(own.id)).toEqual(
        [
          { person_id: s1.id, role: 'SECRETARIAT' },
          { person_id: s2.id, role: 'MEMBER' },
        ].sort((a, b) => a.person_id.localeCompare(b.person_id)),
      );
      expect((await gateway.gql(SET_ROLE, { i: own.id, p: s2.id, r: 'SECRETARIAT' }, s1.token)).errors).toBeUndefined();
      expect((await gateway.gql(SET_ROLE, { i: own.id, p: s1.id, r: 'MEMBER' }, s1.token)).errors).toBeUndefined();
      expect(await count(`initiative_member WHERE initiative_id = $1 AND role = 'SECRETARIAT'`, [own.id])).toBe(1);
    });

    it('two secretaries demoting each other concurrently: exactly one succeeds, one SECRETARIAT remains', async () => {
      const own = await fx.initiative();
      const s1 = await fx.person(own.id, 'SECRETARIAT');
      const s2 = await fx.person(own.id, 'SECRETARIAT');
      const results = await Promise.all([
        gateway.gql(SET_ROLE, { i: own.id, p: s1.id, r: 'MEMBER' }, s2.token),
        gateway.gql(SET_ROLE, { i: own.id, p: s2.id, r: 'MEMBER' }, s1.token),
      ]);
      expect(results.map((r) => errorCodes(r)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK'].sort());
      expect(await count(`initiative_member WHERE initiative_id = $1 AND role = 'SECRETARIAT'`, [own.id])).toBe(1);
    });

    it('FORBIDDEN for MEMBER/OBSERVER, NOT_FOUND for non-members and bad ids, UNAUTHENTICATED; nothing changes', async () => {
      const p = await fx.person(ini.id, 'MEMBER');
      expect(errorCodes(await gateway.gql(SET_ROLE, { i: ini.id, p: p.id, r: 'SECRETARIAT' }, member.token))).toEqual([
        'FORBIDDEN',
      ]);
      expect(errorCodes(await gateway.gql(SET_ROLE, { i: ini.id, p: p.id, r: 'SECRETARIAT' }, observer.token))).toEqual([
        'FORBIDDEN',
      ]);
      expect(errorCodes(await gateway.gql(SET_ROLE, { i: ini.id, p: p.id, r: 'SECRETARIAT' }, outsider.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gateway.gql(SET_ROLE, { i: ini.id, p: p.id, r: 'SECRETARIAT' }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(SET_ROLE, { i: ini.id, p: outsider.id, r: 'MEMBER' }, sec.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gateway.gql(SET_ROLE, { i: ini.id, p: 'bad', r: 'MEMBER' }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(SET_ROLE, { i: 'bad', p: p.id, r: 'MEMBER' }, sec.token))).toEqual(['NOT_FOUND']);
      expect(await fx.query(`SELECT role FROM initiative_member WHERE person_id = $1`, [p.id])).toEqual([{ role: 'MEMBER' }]);
      expect(await count(`initiative_member WHERE person_id = $1 AND initiative_id = $2`, [outsider.id, ini.id])).toBe(0);
    });
  });

  describe('createWorkingGroup', () => {
    const groupInput = (extra: Record<string, unknown> = {}) => ({
      initiativeId: ini.id,
      code: `G-${uniqueId(3).toUpperCase()}`,
      name: 'Setting the Framework',
      mandate: 'A framework of urban planning policy',
      ...extra,
    });
    const groups = (code: string) => count(`working_group WHERE initiative_id = $1 AND code = $2`, [ini.id, code]);

    it('creates an ACTIVE group; CONFLICT on a duplicate code', async () => {
      const i = groupInput();
      const result = await gateway.gql(CREATE_GROUP, { input: i }, sec.token);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        createWorkingGroup: {
          id: expect.any(String),
          code: i.code,
          name: i.name,
          mandate: i.mandate,
          status: 'ACTIVE',
          initiative: { id: ini.id },
        },
      });
      expect(errorCodes(await gateway.gql(CREATE_GROUP, { input: { ...i, name: 'Other' } }, sec.token))).toEqual(['CONFLICT']);
      expect(await groups(i.code)).toBe(1);
      // The same code in another initiative is fine.
      const other = await fx.initiative();
      const otherSec = await fx.person(other.id, 'SECRETARIAT');
      expect(
        (await gateway.gql(CREATE_GROUP, { input: { ...i, initiativeId: other.id } }, otherSec.token)).errors,
      ).toBeUndefined();
    });

    it('FORBIDDEN for MEMBER, OBSERVER and a group CHAIR; NOT_FOUND for outsiders and bad ids; UNAUTHENTICATED', async () => {
      const i = groupInput();
      const chair = await fx.person(ini.id);
      const g = await fx.group(ini.id);
      await fx.groupRole(g.id, chair.id, 'CHAIR');
      for (const p of [member, observer, chair])
        expect(errorCodes(await gateway.gql(CREATE_GROUP, { input: i }, p.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(CREATE_GROUP, { input: i }, outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(CREATE_GROUP, { input: { ...i, initiativeId: 'x' } }, sec.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gateway.gql(CREATE_GROUP, { input: i }))).toEqual(['UNAUTHENTICATED']);
      expect(await groups(i.code)).toBe(0);
    });

    it.each([
      ['code', { code: 'wg1' }],
      ['code', { code: 'W'.repeat(17) }],
      ['name', { name: 'n'.repeat(201) }],
      ['mandate', { mandate: 'm'.repeat(10_001) }],
      ['mandate', { mandate: '' }],
    ])('BAD_USER_INPUT naming %s', async (field, extra) => {
      const i = groupInput(extra);
      const result = await gateway.gql(CREATE_GROUP, { input: i }, sec.token);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions.fields).toEqual([{ field, message: expect.any(String) }]);
      expect(await count(`working_group WHERE initiative_id = $1 AND code = $2`, [ini.id, i.code])).toBe(0);
    });

    it('accepts a mandate of exactly 10,000 characters', async () => {
      expect(
        (await gateway.gql(CREATE_GROUP, { input: groupInput({ mandate: 'm'.repeat(10_000) }) }, sec.token)).errors,
      ).toBeUndefined();
    });
  });

  describe('setGroupRole and removeGroupMember', () => {
    let g: { id: string };
    let chair: Person;
    let vice: Person;
    let groupMember: Person;

    beforeEach(async () => {
      g = await fx.group(ini.id);
      chair = await fx.person(ini.id);
      vice = await fx.person(ini.id);
      groupMember = await fx.person(ini.id);
      await fx.groupRole(g.id, chair.id, 'CHAIR');
      await fx.groupRole(g.id, vice.id, 'VICE_CHAIR');
      await fx.groupRole(g.id, groupMember.id, 'MEMBER');
    });

    it('SECRETARIAT sets any role; a change replaces the old role', async () => {
      const p = await fx.person(ini.id);
      const set = await gateway.gql(
        SET_GROUP_ROLE,
        { input: { workingGroupId: g.id, personId: p.id, role: 'VICE_CHAIR' } },
        sec.token,
      );
      expect(set.errors).toBeUndefined();
      expect(set.data).toEqual({ setGroupRole: { role: 'VICE_CHAIR', since: expect.any(String), person: { id: p.id } } });
      expect(
        (await gateway.gql(SET_GROUP_ROLE, { input: { workingGroupId: g.id, personId: p.id, role: 'CHAIR' } }, sec.token)).errors,
      ).toBeUndefined();
      expect((await groupRows(g.id)).filter((r) => r.person_id === p.id)).toEqual([{ person_id: p.id, role: 'CHAIR' }]);
    });

    it('a CHAIR sets MEMBER and OBSERVER, but not CHAIR/VICE_CHAIR nor changes a VICE_CHAIR', async () => {
      const p = await fx.person(ini.id);
      expect(
        (await gateway.gql(SET_GROUP_ROLE, { input: { workingGroupId: g.id, personId: p.id, role: 'OBSERVER' } }, chair.token))
          .errors,
      ).toBeUndefined();
      expect(
        (await gateway.gql(SET_GROUP_ROLE, { input: { workingGroupId: g.id, personId: p.id, role: 'MEMBER' } }, chair.token))
          .errors,
      ).toBeUndefined();
      const before = await groupRows(g.id);
      for (const [personId, role] of [
        [p.id, 'VICE_CHAIR'],
        [p.id, 'CHAIR'],
        [vice.id, 'MEMBER'],
      ]) {
        expect(
          errorCodes(await gateway.gql(SET_GROUP_ROLE, { input: { workingGroupId: g.id, personId, role } }, chair.token)),
        ).toEqual(['FORBIDDEN']);
      }
      expect(await groupRows(g.id)).toEqual(before);
    });

    it('FORBIDDEN for VICE_CHAIR, group MEMBER, initiative MEMBER and OBSERVER; NOT_FOUND for outsiders; UNAUTHENTICATED', async () => {
      const p = await fx.person(ini.id);
      const i = { workingGroupId: g.id, personId: p.id, role: 'MEMBER' };
      for (const caller of [vice, groupMember, member, observer]) {
        expect(errorCodes(await gateway.gql(SET_GROUP_ROLE, { input: i }, caller.token))).toEqual(['FORBIDDEN']);
      }
      expect(errorCodes(await gateway.gql(SET_GROUP_ROLE, { input: i }, outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(SET_GROUP_ROLE, { input: i }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(SET_GROUP_ROLE, { input: { ...i, workingGroupId: 'x' } }, sec.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gateway.gql(SET_GROUP_ROLE, { input: { ...i, workingGroupId: MISSING_UUID } }, sec.token))).toEqual(
        ['NOT_FOUND'],
      );
      expect(errorCodes(await gateway.gql(SET_GROUP_ROLE, { input: { ...i, personId: 'x' } }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(SET_GROUP_ROLE, { input: { ...i, personId: MISSING_UUID } }, sec.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(await groupRows(g.id)).toHaveLength(3);
    });

    it('is CONFLICT for a person outside the initiative', async () => {
      const stranger = await fx.person(null);
      const result = await gateway.gql(
        SET_GROUP_ROLE,
        { input: { workingGroupId: g.id, personId: stranger.id, role: 'MEMBER' } },
        sec.token,
      );
      expect(errorCodes(result)).toEqual(['CONFLICT']);
      expect(await groupRows(g.id)).toHaveLength(3);
    });

    it('removeGroupMember: CHAIR removes a MEMBER; not a chair; SECRETARIAT removes a chair', async () => {
      expect((await gateway.gql(REMOVE, { g: g.id, p: groupMember.id }, chair.token)).data).toEqual({ removeGroupMember: true });
      expect(errorCodes(await gateway.gql(REMOVE, { g: g.id, p: vice.id }, chair.token))).toEqual(['FORBIDDEN']);
      expect(await groupRows(g.id)).toHaveLength(2);
      expect((await gateway.gql(REMOVE, { g: g.id, p: vice.id }, sec.token)).data).toEqual({ removeGroupMember: true });
      expect((await groupRows(g.id)).map((r) => r.person_id)).toEqual([chair.id]);
    });

    it('removeGroupMember refusals: FORBIDDEN per role, NOT_FOUND for non-members/bad ids/outsiders, UNAUTHENTICATED; nothing changes', async () => {
      for (const caller of [vice, groupMember, member, observer]) {
        expect(errorCodes(await gateway.gql(REMOVE, { g: g.id, p: groupMember.id }, caller.token))).toEqual(['FORBIDDEN']);
      }
      expect(errorCodes(await gateway.gql(REMOVE, { g: g.id, p: groupMember.id }, outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(REMOVE, { g: g.id, p: groupMember.id }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(REMOVE, { g: g.id, p: member.id }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(REMOVE, { g: g.id, p: 'x' }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(REMOVE, { g: 'x', p: groupMember.id }, sec.token))).toEqual(['NOT_FOUND']);
      expect(await groupRows(g.id)).toHaveLength(3);
    });
  });
});
