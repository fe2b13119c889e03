import { useFixtures } from '../support/fixtures';
import { errorCodes, ok, useGateway } from '../support/gateway-harness';
import {
  addAgendaItem,
  advance,
  APPROVE_MINUTES,
  CLOSE,
  meetingWorld,
  type MeetingWorld,
  MOVE_AGENDA,
  RECORD_ACTION,
  RECORD_DECISION,
  REMOVE_AGENDA,
  SAVE_MINUTES,
  scheduleMeeting,
  UPDATE_AGENDA,
  UPDATE_MEETING,
  ADD_AGENDA,
} from '../support/meeting-fixtures';
import { createPlan } from '../support/work-plan-fixtures';

describe('meetings: agenda, decisions, actions and minutes', () => {
  let w: MeetingWorld;

  const gw = useGateway();
  const fx = useFixtures();
  beforeAll(async () => {
    w = await meetingWorld(fx);
  });

  const AGENDA = `query($id: ID!) { meeting(id: $id) { version agenda { id position title } } }`;
  const agenda = async (meetingId: string) =>
    ok(
      await gw.gql<{ meeting: { version: number; agenda: { id: string; position: number; title: string }[] } }>(
        AGENDA,
        { id: meetingId },
        w.chair.token,
      ),
    ).meeting;
  const groupMeeting = () => scheduleMeeting(gw, w.chair.token, { initiativeId: w.initiativeId, workingGroupId: w.groupId });

  describe('agenda', () => {
    it('keeps positions 1-based and contiguous after adds, moves and removes', async () => {
      const meeting = await groupMeeting();
      const a = await addAgendaItem(gw, w.chair.token, meeting.id, 'A');
      const c = await addAgendaItem(gw, w.chair.token, meeting.id, 'C');
      const b = await addAgendaItem(gw, w.chair.token, meeting.id, 'B', { position: 2 });
      expect([a.position, c.position, b.position]).toEqual([1, 2, 2]);
      expect((await agenda(meeting.id)).agenda.map((i) => i.title)).toEqual(['A', 'B', 'C']);
      const moved = ok(
        await gw.gql<{ moveAgendaItem: { title: string; position: number }[] }>(
          MOVE_AGENDA,
          { id: c.id, position: 1 },
          w.vice.token,
        ),
      );
      expect(moved.moveAgendaItem.map((i) => [i.title, i.position])).toEqual([
        ['C', 1],
        ['A', 2],
        ['B', 3],
      ]);
      ok(await gw.gql(MOVE_AGENDA, { id: c.id, position: 3 }, w.secretariat.token));
      expect((await agenda(meeting.id)).agenda.map((i) => i.title)).toEqual(['A', 'B', 'C']);
      expect(ok(await gw.gql<{ removeAgendaItem: boolean }>(REMOVE_AGENDA, { id: a.id }, w.chair.token)).removeAgendaItem).toBe(
        true,
      );
      const after = await agenda(meeting.id);
      expect(after.agenda.map((i) => [i.title, i.position])).toEqual([
        ['B', 1],
        ['C', 2],
      ]);
      expect(after.version).toBe(1 + 3 + 2 + 1);
      expect(errorCodes(await gw.gql(MOVE_AGENDA, { id: c.id, position: 3 }, w.chair.token))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await gw.gql(MOVE_AGENDA, { id: c.id, position: 0 }, w.chair.token))).toEqual(['BAD_USER_INPUT']);
      const tooFar = await gw.gql(
        ADD_AGENDA,
        { input: { meetingId: meeting.id, title: 'X', kind: 'INFORMATION', position: 4 } },
        w.chair.token,
      );
      expect(errorCodes(tooFar)).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await gw.gql(MOVE_AGENDA, { id: c.id, position: 1 }, w.member.token))).toEqual(['NOT_FOUND']);
      await advance(gw, w.chair.token, meeting.id, 'ANNOUNCED');
      expect(errorCodes(await gw.gql(MOVE_AGENDA, { id: c.id, position: 1 }, w.member.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(REMOVE_AGENDA, { id: c.id }, w.groupObserver.token))).toEqual(['FORBIDDEN']);
    });

    it('holds positions 1..n under concurrent moves', async () => {
      const meeting = await groupMeeting();
      const items: { id: string }[] = [];
      for (let i = 1; i <= 8; i++) items.push(await addAgendaItem(gw, w.chair.token, meeting.id, `Item ${i}`));
      const moves = Array.from({ length: 24 }, (_, i) => ({ id: items[(i * 5) % 8].id, position: ((i * 3) % 8) + 1 }));
      const results = await Promise.all(moves.map((move) => gw.gql(MOVE_AGENDA, move, w.chair.token)));
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const after = await agenda(meeting.id);
      expect(after.agenda.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(after.agenda.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
      expect(after.version).toBe(1 + 8 + 24);
      const last = moves.at(-1)!;
      expect(after.agenda.find((i) => i.id === last.id)!.position).toBe(last.position);
    });

    it('links an item to the initiative’s own documents, ballots, plans and sessions only', async () => {
      const meeting = await groupMeeting();
      const plan = await createPlan(gw, w.chair.token, w.groupId);
      const item = await addAgendaItem(gw, w.chair.token, meeting.id, 'Plan', {
        workPlanId: plan.id,
        presenterId: w.member.id,
        sessionId: meeting.sessions[0].id,
        durationMinutes: 30,
      });
      const LINKS = `query($id: ID!) { meeting(id: $id) { agenda { workPlan { id } presenter { id } session { id } durationMinutes ballot { id } termsOfReference { id } } } }`;
      expect(
        ok(await gw.gql<{ meeting: { agenda: unknown[] } }>(LINKS, { id: meeting.id }, w.chair.token)).meeting.agenda,
      ).toEqual([
        {
          workPlan: { id: plan.id },
          presenter: { id: w.member.id },
          session: { id: meeting.sessions[0].id },
          durationMinutes: 30,
          ballot: null,
          termsOfReference: null,
        },
      ]);
      const other = await fx.initiative();
      const otherGroup = await fx.group(other.id);
      const otherChair = await fx.person(other.id, 'SECRETARIAT');
      const otherPlan = await createPlan(gw, otherChair.token, otherGroup.id);
      const bad = async (fields: Record<string, unknown>) =>
        (await gw.gql(UPDATE_AGENDA, { input: { id: item.id, ...fields } }, w.chair.token)).errors?.[0].extensions;
      expect((await bad({ workPlanId: otherPlan.id }))?.code).toBe('NOT_FOUND');
      expect((await bad({ presenterId: w.outsider.id }))?.code).toBe('BAD_USER_INPUT');
      expect((await bad({ sessionId: '00000000-0000-4000-8000-000000000000' }))?.code).toBe('BAD_USER_INPUT');
      expect((await bad({ ballotId: 'nope' }))?.code).toBe('NOT_FOUND');
      const renamed = ok(
        await gw.gql<{ updateAgendaItem: { title: string; kind: string } }>(
          UPDATE_AGENDA,
          { input: { id: item.id, title: 'Work plan', kind: 'DECISION' } },
          w.vice.token,
        ),
      );
      expect(renamed.updateAgendaItem).toMatchObject({ title: 'Work plan', kind: 'DECISION' });
      // Sessions given to updateMeeting replace them all: the item loses its session, nothing else.
      const version = (await agenda(meeting.id)).version;
      ok(
        await gw.gql(
          UPDATE_MEETING,
          {
            input: {
              id: meeting.id,
              expectedVersion: version,
              sessions: [{ startsAt: '2030-10-01T08:00:00Z', endsAt: '2030-10-01T10:00:00Z' }],
            },
          },
          w.chair.token,
        ),
      );
      expect(
        ok(await gw.gql<{ meeting: { agenda: unknown[] } }>(LINKS, { id: meeting.id }, w.chair.token)).meeting.agenda,
      ).toEqual([expect.objectContaining({ workPlan: { id: plan.id }, session: null, durationMinutes: 30 })]);
    });
    it('links an item to KPIs of the meeting’s initiative, replaces them on update, refuses others with nothing changed', async () => {
      const kpisOf = async (initiativeId: string, codes: string[]) =>
        (
          await fx.query<{ id: string }>(
            `INSERT INTO kpi (initiative_id, code, name, dimension, sub_dimension, category, level)
             SELECT $1, code, 'KPI ' || code, 'ENVIRONMENT', 'Energy', 'Energy', 'CORE' FROM unnest($2::text[]) WITH ORDINALITY AS c (code, n)
             ORDER BY n RETURNING id`,
            [initiativeId, codes],
          )
        ).map((r) => r.id);
      const tag = `${Date.now() % 100000}`;
      const [k1, k2, k3] = await kpisOf(w.initiativeId, [`EN:EN:${tag}A`, `EN:EN:${tag}B`, `EN:EN:${tag}C`]);
      const [foreign] = await kpisOf((await fx.initiative()).id, [`EN:EN:${tag}X`]);
      const meeting = await groupMeeting();
      const KPIS = `query($id: ID!) { meeting(id: $id) { version agenda { title kpis { id code } } } }`;
      const links = async () =>
        ok(
          await gw.gql<{ meeting: { version: number; agenda: { title: string; kpis: { id: string; code: string }[] }[] } }>(
            KPIS,
            { id: meeting.id },
            w.chair.token,
          ),
        ).meeting;
      // Given twice and out of order: linked once each, listed by code.
      const item = await addAgendaItem(gw, w.chair.token, meeting.id, 'KPIs for smart sustainable cities', {
        kpiIds: [k2, k1, k2],
      });
      expect((await links()).agenda).toEqual([
        {
          title: 'KPIs for smart sustainable cities',
          kpis: [
            { id: k1, code: `EN:EN:${tag}A` },
            { id: k2, code: `EN:EN:${tag}B` },
          ],
        },
      ]);
      ok(await gw.gql(UPDATE_AGENDA, { input: { id: item.id, kpiIds: [k3] } }, w.chair.token));
      expect((await links()).agenda[0].kpis).toEqual([{ id: k3, code: `EN:EN:${tag}C` }]);
      // Omitted: unchanged.
      ok(await gw.gql(UPDATE_AGENDA, { input: { id: item.id, title: 'KPIs' } }, w.chair.token));
      expect((await links()).agenda[0].kpis.map((k) => k.id)).toEqual([k3]);

      const before = await links();
      for (const kpiIds of [[k1, foreign], ['not-a-kpi'], ['00000000-0000-4000-8000-000000000000']]) {
        const update = await gw.gql(UPDATE_AGENDA, { input: { id: item.id, title: 'Changed', kpiIds } }, w.chair.token);
        expect(errorCodes(update)).toEqual(['BAD_USER_INPUT']);
        expect(update.errors?.[0].extensions?.fields).toEqual([
          {
            field: 'input.kpiIds',
            message: expect.stringMatching(/^must be KPIs of the meeting’s initiative|^must be KPIs of the meeting's initiative/),
          },
        ]);
        const add = await gw.gql(
          ADD_AGENDA,
          { input: { meetingId: meeting.id, title: 'X', kind: 'DECISION', kpiIds } },
          w.chair.token,
        );
        expect(errorCodes(add)).toEqual(['BAD_USER_INPUT']);
      }
      expect(await links()).toEqual(before);
      // Cleared with an empty list.
      ok(await gw.gql(UPDATE_AGENDA, { input: { id: item.id, kpiIds: [] } }, w.chair.token));
      expect((await links()).agenda[0].kpis).toEqual([]);
    });
  });

  describe('decisions', () => {
    it('numbers decisions <SLUG>-<meeting>/<n> without gaps or duplicates under concurrency', async () => {
      const meeting = await groupMeeting();
      const item = await addAgendaItem(gw, w.chair.token, meeting.id, 'Decide');
      const early = await gw.gql(RECORD_DECISION, { input: { meetingId: meeting.id, text: 'Too early' } }, w.chair.token);
      expect(errorCodes(early)).toEqual(['CONFLICT']);
      await advance(gw, w.chair.token, meeting.id, 'IN_PROGRESS');
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          gw.gql<{ recordDecision: { number: string; agendaItem: { id: string } | null } }>(
            RECORD_DECISION,
            { input: { meetingId: meeting.id, text: `Decision ${i}`, agendaItemId: i % 2 ? item.id : null } },
            i % 3 ? w.chair.token : w.secretariat.token,
          ),
        ),
      );
      const numbers = results.map((r) => ok(r).recordDecision.number);
      const prefix = `${w.slug.toUpperCase()}-${meeting.number}/`;
      expect(numbers.sort((a, b) => Number(a.split('/')[1]) - Number(b.split('/')[1]))).toEqual(
        Array.from({ length: 12 }, (_, i) => `${prefix}${i + 1}`),
      );
      const DECISIONS = `query($id: ID!) { meeting(id: $id) { decisions { number } agenda { decisions { number } } } }`;
      const data = ok(
        await gw.gql<{ meeting: { decisions: { number: string }[]; agenda: { decisions: unknown[] }[] } }>(
          DECISIONS,
          { id: meeting.id },
          w.member.token,
        ),
      );
      expect(data.meeting.decisions.map((d) => d.number)).toEqual(Array.from({ length: 12 }, (_, i) => `${prefix}${i + 1}`));
      expect(data.meeting.agenda[0].decisions).toHaveLength(6);
      expect(errorCodes(await gw.gql(REMOVE_AGENDA, { id: item.id }, w.chair.token))).toEqual(['CONFLICT']);
      expect(errorCodes(await gw.gql(RECORD_DECISION, { input: { meetingId: meeting.id, text: 'No' } }, w.member.token))).toEqual(
        ['FORBIDDEN'],
      );

      const REGISTER = `query($slug: String!, $after: String) { initiative(slug: $slug) { decisions(first: 5, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { number meeting { id } recordedBy { id } } } } } }`;
      type Register = {
        initiative: {
          decisions: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { number: string } }[];
          };
        };
      };
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Register['initiative']['decisions'] = ok(
          await gw.gql<Register>(REGISTER, { slug: w.slug, after }, w.observer.token),
        ).initiative.decisions;
        seen.push(...page.edges.map((e) => e.node.number));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((n) => n.startsWith(prefix)).sort()).toEqual([...numbers].sort());
    });

    it('cites a ballot of the initiative only', async () => {
      const meeting = await groupMeeting();
      await advance(gw, w.chair.token, meeting.id, 'IN_PROGRESS');
      const bad = await gw.gql(
        RECORD_DECISION,
        { input: { meetingId: meeting.id, text: 'x', ballotId: '00000000-0000-4000-8000-000000000000' } },
        w.chair.token,
      );
      expect(errorCodes(bad)).toEqual(['NOT_FOUND']);
      const otherMeeting = await groupMeeting();
      const foreignItem = await addAgendaItem(gw, w.chair.token, otherMeeting.id, 'Elsewhere');
      const wrongItem = await gw.gql(
        RECORD_DECISION,
        { input: { meetingId: meeting.id, text: 'x', agendaItemId: foreignItem.id } },
        w.chair.token,
      );
      expect(errorCodes(wrongItem)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('recordAction', () => {
    it('creates a TASK in the plan, linked to the agenda item both ways', async () => {
      const meeting = await groupMeeting();
      const item = await addAgendaItem(gw, w.chair.token, meeting.id, 'Actions');
      const plan = await createPlan(gw, w.chair.token, w.groupId);
      const input = {
        agendaItemId: item.id,
        workPlanId: plan.id,
        title: 'Draft the KPI report',
        ownerId: w.member.id,
        dueAt: '2030-12-01T12:00:00Z',
      };
      expect(errorCodes(await gw.gql(RECORD_ACTION, { input }, w.chair.token))).toEqual(['CONFLICT']);
      await advance(gw, w.chair.token, meeting.id, 'IN_PROGRESS');
      const action = ok(
        await gw.gql<{ recordAction: Record<string, unknown> }>(RECORD_ACTION, { input }, w.vice.token),
      ).recordAction;
      expect(action).toMatchObject({
        kind: 'TASK',
        title: 'Draft the KPI report',
        owner: { id: w.member.id },
        workPlan: { id: plan.id },
        agendaItem: { id: item.id, meeting: { id: meeting.id } },
      });
      const ACTIONS = `query($id: ID!) { meeting(id: $id) { agenda { actions { id title } } } }`;
      expect(
        ok(await gw.gql<{ meeting: { agenda: { actions: unknown[] }[] } }>(ACTIONS, { id: meeting.id }, w.member.token)).meeting
          .agenda[0].actions,
      ).toEqual([{ id: action.id, title: 'Draft the KPI report' }]);
      const outbox = await fx.query<{ topic: string }>(`SELECT topic FROM outbox_event WHERE subject_id = $1`, [action.id]);
      expect(outbox.map((r) => r.topic)).toEqual(['workitem.created']);
      expect(errorCodes(await gw.gql(REMOVE_AGENDA, { id: item.id }, w.chair.token))).toEqual(['CONFLICT']);
    });

    it('refuses members, plans of other initiatives, and owners outside the group, creating nothing', async () => {
      const meeting = await groupMeeting();
      const item = await addAgendaItem(gw, w.chair.token, meeting.id, 'Actions');
      const plan = await createPlan(gw, w.chair.token, w.groupId);
      await advance(gw, w.chair.token, meeting.id, 'IN_PROGRESS');
      const other = await fx.initiative();
      const otherGroup = await fx.group(other.id);
      const otherSecretariat = await fx.person(other.id, 'SECRETARIAT');
      const otherPlan = await createPlan(gw, otherSecretariat.token, otherGroup.id);
      const input = (fields: Record<string, unknown>) => ({
        input: { agendaItemId: item.id, workPlanId: plan.id, title: 'T', ...fields },
      });
      expect(errorCodes(await gw.gql(RECORD_ACTION, input({}), w.member.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(RECORD_ACTION, input({}), w.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(RECORD_ACTION, input({ workPlanId: otherPlan.id }), w.secretariat.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gw.gql(RECORD_ACTION, input({ ownerId: w.initiativeMember.id }), w.chair.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      const count = await fx.query<{ n: string }>(`SELECT count(*) AS n FROM work_item WHERE work_plan_id = $1`, [plan.id]);
      expect(Number(count[0].n)).toBe(0);
      const links = await fx.query<{ n: string }>(`SELECT count(*) AS n FROM agenda_item_action WHERE agenda_item_id = $1`, [
        item.id,
      ]);
      expect(Number(links[0].n)).toBe(0);
    });
  });

  describe('minutes', () => {
    it('saves Markdown at expectedVersion, approves a CLOSED meeting’s minutes, and FINAL locks them', async () => {
      const meeting = await groupMeeting();
      const save = (body: string, expectedVersion: number, token = w.chair.token) =>
        gw.gql<{ saveMinutes: { body: string; status: string; version: number } }>(
          SAVE_MINUTES,
          { meetingId: meeting.id, body, expectedVersion },
          token,
        );
      expect(errorCodes(await save('# Too early', 0))).toEqual(['CONFLICT']);
      await advance(gw, w.chair.token, meeting.id, 'IN_PROGRESS');
      expect(ok(await save('# Minutes\n\n- opened', 0)).saveMinutes).toEqual({
        body: '# Minutes\n\n- opened',
        status: 'DRAFT',
        version: 1,
        approvedAt: null,
        approvedBy: null,
      });
      expect(errorCodes(await save('# Second first save', 0))).toEqual(['CONFLICT']);
      expect(ok(await save('# Minutes\n\n- opened\n- closed', 1, w.secretariat.token)).saveMinutes.version).toBe(2);
      expect(errorCodes(await save('stale', 1))).toEqual(['CONFLICT']);
      expect(errorCodes(await save('member', 2, w.member.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(APPROVE_MINUTES, { meetingId: meeting.id }, w.chair.token))).toEqual(['CONFLICT']);
      ok(await gw.gql(CLOSE, { id: meeting.id }, w.chair.token));
      expect(ok(await save('# Minutes\n\n- opened\n- closed\n- approved next time', 2)).saveMinutes.version).toBe(3);
      ok(await gw.gql(RECORD_DECISION, { input: { meetingId: meeting.id, text: 'Recorded after the close' } }, w.chair.token));
      const approved = ok(
        await gw.gql<{ approveMinutes: Record<string, unknown> }>(APPROVE_MINUTES, { meetingId: meeting.id }, w.vice.token),
      ).approveMinutes;
      expect(approved).toMatchObject({
        status: 'FINAL',
        version: 3,
        approvedBy: { id: w.vice.id },
        approvedAt: expect.any(String),
      });
      expect(errorCodes(await save('changed', 3))).toEqual(['CONFLICT']);
      expect(errorCodes(await gw.gql(APPROVE_MINUTES, { meetingId: meeting.id }, w.chair.token))).toEqual(['CONFLICT']);
      expect(
        errorCodes(await gw.gql(RECORD_DECISION, { input: { meetingId: meeting.id, text: 'Too late' } }, w.chair.token)),
      ).toEqual(['CONFLICT']);
      const MINUTES = `query($id: ID!) { meeting(id: $id) { minutes { status version body } } }`;
      expect(
        ok(await gw.gql<{ meeting: { minutes: unknown } }>(MINUTES, { id: meeting.id }, w.observer.token)).meeting.minutes,
      ).toMatchObject({ status: 'FINAL', version: 3 });
      const topics = await fx.query<{ topic: string }>(`SELECT topic FROM outbox_event WHERE subject_id = $1 ORDER BY id`, [
        meeting.id,
      ]);
      expect(topics.map((r) => r.topic).at(-1)).toBe('meeting.minutes_approved');
    });
  });

  describe('meeting(id) with its agenda and links', () => {
    // Each loader appears once in the tree (people only as presenters, agenda items only under the
    // agenda), so that no two branches race to share a batch and the count is the same on every run.
    const FULL = `query($id: ID!) { meeting(id: $id) { id title startsAt endsAt initiative { id } workingGroup { id code }
      sessions { id startsAt } minutes { status } myParticipation { response }
      participants(first: 10) { totalCount edges { node { response attended } } }
      decisions { number ballot { id } }
      agenda { id position title presenter { id name } session { id } workPlan { id title } termsOfReference { id } ballot { id }
               kpis { code } decisions { number } actions { id title agendaItem { id } } } } }`;

    it('costs the same number of SQL statements whatever the number of agenda items', async () => {
      const plan = await createPlan(gw, w.chair.token, w.groupId);
      const statements = [];
      for (const size of [2, 9]) {
        const meeting = await groupMeeting();
        for (let i = 0; i < size; i++)
          await addAgendaItem(gw, w.chair.token, meeting.id, `Item ${i}`, {
            workPlanId: plan.id,
            presenterId: i % 2 ? w.member.id : w.vice.id,
            sessionId: meeting.sessions[0].id,
          });
        await advance(gw, w.chair.token, meeting.id, 'IN_PROGRESS');
        const items = (await agenda(meeting.id)).agenda;
        for (const item of items) {
          ok(
            await gw.gql(
              RECORD_DECISION,
              { input: { meetingId: meeting.id, agendaItemId: item.id, text: `On ${item.title}` } },
              w.chair.token,
            ),
          );
          ok(
            await gw.gql(
              RECORD_ACTION,
              { input: { agendaItemId: item.id, workPlanId: plan.id, title: `Do ${item.title}` } },
              w.chair.token,
            ),
          );
        }
        // Loads of one loader from different depths may or may not share a batch (DataLoader
        // batches per tick): the fewest statements of three runs is the count to compare.
        const runs = [];
        for (let run = 0; run < 3; run++) {
          const result = await gw.gql<{ meeting: { agenda: unknown[] } }>(FULL, { id: meeting.id }, w.member.token);
          expect(ok(result).meeting.agenda).toHaveLength(size);
          runs.push(result.sqlStatements);
        }
        statements.push(Math.min(...runs));
      }
      expect(statements[1]).toBe(statements[0]);
    });
  });
});
