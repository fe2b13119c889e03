import { errorCodes, postGraphQL, useGateway } from '../support/gateway-harness';
import { useFixtures } from '../support/fixtures';
import { SmtpSink } from '../support/smtp-sink';
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
const REMOVE_MEMBER = `mutation ($i: ID!, $p: ID!) { removeInitiativeMember(initiativeId: $i, personId: $p) }`;
const DEEP = `query ($slug: String!) { initiative(slug: $slug) { workingGroups { chairs { organization { name } } members { edges { node { person { name } } } } } } }`;

// bench/run.mjs's working group page
const GROUP_PAGE = `query ($id: ID!) { workingGroup(id: $id) {
  chairs { name organization { name } }
  members(first: 50) { edges { node { person { name } } } }
  workPlan { progress { total done overdue percentComplete nextDue { title dueAt } } } } }`;

const MISSING_UUID = '00000000-0000-4000-8000-000000000000';

describe('structure: initiatives, working groups and memberships', () => {
  let ini: { id: string; slug: string };
  let sec: Person;
  let member: Person;
  let observer: Person;
  let outsider: Person;

  const sink = new SmtpSink();
  beforeAll(() => sink.start());
  const gateway = useGateway(() => ({ SMTP_URL: sink.url, PUBLIC_URL: 'https://wg.example.org' }));
  const fx = useFixtures();
  afterAll(() => sink.stop());
  beforeAll(async () => {
    ini = await fx.initiative();
    sec = await fx.person(ini.id, 'SECRETARIAT');
    member = await fx.person(ini.id, 'MEMBER');
    observer = await fx.person(ini.id, 'OBSERVER');
    outsider = await fx.person((await fx.initiative()).id, 'SECRETARIAT');
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
    it("reads a group page's chairs and members in an exact statement count, the same at every run", async () => {
      const own = await fx.initiative();
      const s = await fx.person(own.id, 'SECRETARIAT');
      const g = await fx.group(own.id);
      const orgs = await fx.query<{ id: string }>(
        `INSERT INTO organization (name, kind) SELECT 'Org ' || n || ' ' || $1, 'CITY' FROM generate_series(1, 2) n RETURNING id`,
        [uniqueId()],
      );
      const roles = ['CHAIR', 'VICE_CHAIR', ...Array<'MEMBER'>(58).fill('MEMBER')] as const;
      for (const [i, role] of roles.entries()) {
        const p = await fx.person(own.id);
        await fx.query(`UPDATE person SET organization_id = $2 WHERE id = $1`, [p.id, orgs[i % 2].id]);
        await fx.groupRole(g.id, p.id, role);
      }
      await fx.query(
        `INSERT INTO work_plan (working_group_id, title, period_start, period_end) VALUES ($1, 'Plan', '2030-01-01', '2031-12-31')`,
        [g.id],
      );
      const counts: number[] = [];
      // the first run also reads the caller's roles (remembered afterwards)
      for (let run = 0; run < 9; run++) {
        const result = await gateway.gql<{
          workingGroup: { chairs: { organization: { name: string } | null }[]; members: { edges: unknown[] } };
        }>(GROUP_PAGE, { id: g.id }, s.token);
        expect(result.errors).toBeUndefined();
        expect(result.data!.workingGroup.chairs.map((c) => c.organization?.name.startsWith('Org '))).toEqual([true, true]);
        expect(result.data!.workingGroup.members.edges).toHaveLength(50);
        counts.push(result.sqlStatements);
      }
      // then (the policy check uses the remembered roles): group (with its chair ids), the chairs with their
      // organisations (identity), the members page, its people with their organisations (identity), and the
      // current plan with its progress in one statement (WorkingGroup.workPlan looks ahead at `progress`)
      expect(counts.slice(1)).toEqual(Array(8).fill(5));
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

    it('an e-mail already on the platform: answers with what was given, not their profile; adds and invites them; keeps their name and zone', async () => {
      const other = await fx.initiative();
      const org = (
        await fx.query<{ id: string }>(`INSERT INTO organization (name, kind) VALUES ($1, 'CITY') RETURNING id`, [
          `Town ${uniqueId()}`,
        ])
      )[0];
      const existing = await fx.person(other.id, 'MEMBER', { name: 'Private Name', timeZone: 'Asia/Tokyo' });
      await fx.query(`UPDATE person SET organization_id = $2, password_hash = 'argon2-hash-kept' WHERE id = $1`, [
        existing.id,
        org.id,
      ]);
      const given = input({ email: existing.email.toUpperCase(), name: 'Guessed Name' });
      const result = await gateway.gql<{ registerPerson: { id: string } }>(REGISTER, { input: given }, sec.token);
      expect(result.errors).toBeUndefined();
      // Exactly what a new registration with this input answers: nothing of the person's own profile.
      expect(result.data!.registerPerson).toEqual({
        id: existing.id,
        name: 'Guessed Name',
        email: given.email,
        timeZone: 'Europe/Zurich',
        organization: null,
      });
      expect(await people(existing.email)).toBe(1);
      expect(
        await fx.query(`SELECT name, time_zone, organization_id, password_hash FROM person WHERE id = $1`, [existing.id]),
      ).toEqual([{ name: 'Private Name', time_zone: 'Asia/Tokyo', organization_id: org.id, password_hash: 'argon2-hash-kept' }]);
      expect(
        await fx.query(`SELECT role FROM initiative_member WHERE initiative_id = $1 AND person_id = $2`, [ini.id, existing.id]),
      ).toEqual([{ role: 'MEMBER' }]);
      // Invited: an open invitation to this initiative, and an e-mail saying so.
      expect(
        await count(`invitation WHERE person_id = $1 AND initiative_id = $2 AND used_at IS NULL`, [existing.id, ini.id]),
      ).toBe(1);
      await sink.waitFor(() => sink.to(existing.email).length === 1);
      const mail = sink.to(existing.email)[0];
      expect(mail.subject).toMatch(/invitation/i);
      expect(mail.text).toContain('https://wg.example.org/invitation/');
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

  describe('removeInitiativeMember', () => {
    const initiativeOf = (p: Person, slug: string) =>
      postGraphQL<{ initiative: unknown }>(gateway.url, INITIATIVE, { slug }, p.token);

    it('removes the person from the initiative and its groups; their very next request no longer sees it', async () => {
      const own = await fx.initiative();
      const s1 = await fx.person(own.id, 'SECRETARIAT');
      const leaver = await fx.person(own.id, 'MEMBER');
      const stayer = await fx.person(own.id, 'MEMBER');
      const groups = [await fx.group(own.id), await fx.group(own.id)];
      await fx.groupRole(groups[0].id, leaver.id, 'CHAIR');
      await fx.groupRole(groups[1].id, leaver.id, 'MEMBER');
      await fx.groupRole(groups[1].id, stayer.id, 'MEMBER');
      // The leaver has been seen (roles remembered, answers cached) before.
      expect((await gateway.gql(INITIATIVE, { slug: own.slug }, leaver.token)).errors).toBeUndefined();
      expect((await initiativeOf(leaver, own.slug)).errors).toBeUndefined();
      expect((await gateway.gql(GROUP, { id: groups[0].id }, leaver.token)).errors).toBeUndefined();

      const removed = await postGraphQL(gateway.url, REMOVE_MEMBER, { i: own.id, p: leaver.id }, s1.token);
      expect(removed.errors).toBeUndefined();
      expect(removed.data).toEqual({ removeInitiativeMember: true });
      expect(errorCodes(await initiativeOf(leaver, own.slug))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await postGraphQL(gateway.url, GROUP, { id: groups[0].id }, leaver.token))).toEqual(['NOT_FOUND']);
      expect((await postGraphQL<{ initiatives: unknown[] }>(gateway.url, INITIATIVES, {}, leaver.token)).data).toEqual({
        initiatives: [],
      });
      expect(await count(`initiative_member WHERE person_id = $1`, [leaver.id])).toBe(0);
      expect(await count(`group_member WHERE person_id = $1`, [leaver.id])).toBe(0);
      expect(await memberRows(own.id)).toEqual(
        [
          { person_id: s1.id, role: 'SECRETARIAT' },
          { person_id: stayer.id, role: 'MEMBER' },
        ].sort((a, b) => a.person_id.localeCompare(b.person_id)),
      );
      expect(await groupRows(groups[1].id)).toEqual([{ person_id: stayer.id, role: 'MEMBER' }]);
    });

    it('withdraws their open invitation to that initiative only', async () => {
      const own = await fx.initiative();
      const s1 = await fx.person(own.id, 'SECRETARIAT');
      const email = `invited-${uniqueId()}@example.org`;
      const registered = await gateway.gql<{ registerPerson: { id: string } }>(
        REGISTER,
        { input: { initiativeId: own.id, name: 'Invitee', email, role: 'MEMBER' } },
        s1.token,
      );
      const personId = registered.data!.registerPerson.id;
      await fx.query(`INSERT INTO initiative_member (initiative_id, person_id, role) VALUES ($1, $2, 'OBSERVER')`, [
        ini.id,
        personId,
      ]);
      await fx.query(
        `INSERT INTO invitation (person_id, initiative_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
        [personId, ini.id, `hash-${uniqueId()}`],
      );
      expect((await gateway.gql(REMOVE_MEMBER, { i: own.id, p: personId }, s1.token)).errors).toBeUndefined();
      expect(await fx.query(`SELECT initiative_id FROM invitation WHERE person_id = $1 AND used_at IS NULL`, [personId])).toEqual(
        [{ initiative_id: ini.id }],
      );
    });

    it('is CONFLICT for the last SECRETARIAT; a SECRETARIAT may leave once there is another', async () => {
      const own = await fx.initiative();
      const s1 = await fx.person(own.id, 'SECRETARIAT');
      const s2 = await fx.person(own.id, 'MEMBER');
      expect(errorCodes(await gateway.gql(REMOVE_MEMBER, { i: own.id, p: s1.id }, s1.token))).toEqual(['CONFLICT']);
      expect(await count(`initiative_member WHERE initiative_id = $1`, [own.id])).toBe(2);
      expect((await gateway.gql(SET_ROLE, { i: own.id, p: s2.id, r: 'SECRETARIAT' }, s1.token)).errors).toBeUndefined();
      expect((await gateway.gql(REMOVE_MEMBER, { i: own.id, p: s1.id }, s1.token)).data).toEqual({
        removeInitiativeMember: true,
      });
      expect(await memberRows(own.id)).toEqual([{ person_id: s2.id, role: 'SECRETARIAT' }]);
    });

    it('two secretaries removing each other concurrently: exactly one succeeds, one SECRETARIAT remains', async () => {
      const own = await fx.initiative();
      const s1 = await fx.person(own.id, 'SECRETARIAT');
      const s2 = await fx.person(own.id, 'SECRETARIAT');
      const results = await Promise.all([
        gateway.gql(REMOVE_MEMBER, { i: own.id, p: s1.id }, s2.token),
        gateway.gql(REMOVE_MEMBER, { i: own.id, p: s2.id }, s1.token),
      ]);
      // The loser is CONFLICT (last SECRETARIAT), or NOT_FOUND when it was removed itself before it was authorised.
      expect(results.map((r) => errorCodes(r)[0] ?? 'OK').filter((c) => c === 'OK')).toHaveLength(1);
      expect(results.map((r) => errorCodes(r)[0] ?? 'OK').every((c) => ['OK', 'CONFLICT', 'NOT_FOUND'].includes(c))).toBe(true);
      expect(await count(`initiative_member WHERE initiative_id = $1 AND role = 'SECRETARIAT'`, [own.id])).toBe(1);
    });

    it('FORBIDDEN for MEMBER and OBSERVER, NOT_FOUND for outsiders, non-members and bad ids, UNAUTHENTICATED; nothing changes', async () => {
      const p = await fx.person(ini.id, 'MEMBER');
      for (const caller of [member, observer]) {
        expect(errorCodes(await gateway.gql(REMOVE_MEMBER, { i: ini.id, p: p.id }, caller.token))).toEqual(['FORBIDDEN']);
      }
      expect(errorCodes(await gateway.gql(REMOVE_MEMBER, { i: ini.id, p: p.id }, outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(REMOVE_MEMBER, { i: ini.id, p: p.id }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(REMOVE_MEMBER, { i: ini.id, p: outsider.id }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(REMOVE_MEMBER, { i: ini.id, p: 'bad' }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(REMOVE_MEMBER, { i: 'bad', p: p.id }, sec.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(REMOVE_MEMBER, { i: MISSING_UUID, p: p.id }, sec.token))).toEqual(['NOT_FOUND']);
      expect(await fx.query(`SELECT role FROM initiative_member WHERE person_id = $1`, [p.id])).toEqual([{ role: 'MEMBER' }]);
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
      // The loser was demoted by the winner: FORBIDDEN once its change is checked again under
      // the lock (CONFLICT if it was checked before, as the last SECRETARIAT).
      const codes = results.map((r) => errorCodes(r)[0] ?? 'OK');
      expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
      expect(codes.every((c) => ['OK', 'FORBIDDEN', 'CONFLICT'].includes(c))).toBe(true);
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

    /**
     * Holds a row lock on `personId`'s role in the group in a transaction of its own, sends the
     * CHAIR's change of that role, waits (by the database) until the request waits for the lock,
     * commits `meanwhile` in the lock's transaction, and returns the request's answer.
     */
    async function changeRacing(personId: string, role: string, meanwhile: string, params: unknown[]) {
      const client = await fx.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT 1 FROM group_member WHERE working_group_id = $1 AND person_id = $2 FOR UPDATE`, [
          g.id,
          personId,
        ]);
        const { pid } = (await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0];
        const pending = gateway.gql(SET_GROUP_ROLE, { input: { workingGroupId: g.id, personId, role } }, chair.token);
        for (let waited = 0; ; waited += 1) {
          const [{ n }] = await fx.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
            [pid],
          );
          if (n > 0) break;
          // A request that never takes the lock finishes without waiting; then its answer decides.
          if (waited > 400) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        await client.query(meanwhile, params);
        await client.query('COMMIT');
        return await pending;
      } finally {
        client.release();
      }
    }

    it('a CHAIR changing a MEMBER while the SECRETARIAT makes them CHAIR: the new CHAIR is not demoted (FOR UPDATE)', async () => {
      const result = await changeRacing(
        groupMember.id,
        'OBSERVER',
        `UPDATE group_member SET role = 'CHAIR' WHERE working_group_id = $1 AND person_id = $2`,
        [g.id, groupMember.id],
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect((await groupRows(g.id)).find((r) => r.person_id === groupMember.id)).toEqual({
        person_id: groupMember.id,
        role: 'CHAIR',
      });
    });

    it('demoting the last CHAIR while they change a MEMBER: once demoted, their change is refused', async () => {
      const result = await changeRacing(
        groupMember.id,
        'OBSERVER',
        `UPDATE group_member SET role = 'MEMBER' WHERE working_group_id = $1 AND person_id = $2`,
        [g.id, chair.id],
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await groupRows(g.id)).toEqual(
        [
          { person_id: chair.id, role: 'MEMBER' },
          { person_id: vice.id, role: 'VICE_CHAIR' },
          { person_id: groupMember.id, role: 'MEMBER' },
        ].sort((a, b) => a.person_id.localeCompare(b.person_id)),
      );
    });

    it('concurrent requests: a CHAIR demoting a MEMBER against the SECRETARIAT promoting them to CHAIR always leaves a CHAIR', async () => {
      for (let round = 0; round < 8; round++) {
        const p = await fx.person(ini.id);
        await fx.groupRole(g.id, p.id, 'MEMBER');
        await gateway.settle();
        const [byChair, bySecretariat] = await Promise.all([
          postGraphQL(
            gateway.url,
            SET_GROUP_ROLE,
            { input: { workingGroupId: g.id, personId: p.id, role: 'OBSERVER' } },
            chair.token,
          ),
          postGraphQL(gateway.url, SET_GROUP_ROLE, { input: { workingGroupId: g.id, personId: p.id, role: 'CHAIR' } }, sec.token),
        ]);
        expect(bySecretariat.errors).toBeUndefined();
        expect([[], ['FORBIDDEN']]).toContainEqual(errorCodes(byChair));
        expect((await groupRows(g.id)).find((r) => r.person_id === p.id)?.role).toBe('CHAIR');
      }
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
