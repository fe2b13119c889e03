import { GraphQLSchemaHost } from '@nestjs/graphql';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import WebSocket from 'ws';
import { composeMessage } from '../../libs/platform/src/mail/mime-message';
import { renderEmail } from '../../libs/reminders/src/delivery/notification-text';
import { snapshotDatabase } from '../support/db-snapshot';
import { useFixtures } from '../support/fixtures';
import { postGraphQL, useGateway } from '../support/gateway-harness';
import {
  CONTROL_TEXTS,
  controlCharacterRequests,
  type HostileLiveCase,
  hostileLiveCases,
  hostileRequests,
  type HostileRequest,
} from '../support/hostile-requests';
import { reportSecurityFigure } from '../support/security-report';
import { clientAddress, from } from '../support/sign-in';
import { uniqueId } from '../support/test-config';

const CONTRACT_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']);

interface Verdict {
  label: string;
  status: number;
  problem?: string;
  /** Answered without errors (only allowed for the control-character requests). */
  accepted?: boolean;
}

/** What a hostile WebSocket exchange got: a close code, or the server's messages. */
interface LiveVerdict {
  label: string;
  outcome: string;
  problem?: string;
}

/** Closes that refuse the client's traffic: graphql-ws's 44xx, ws's protocol errors and 1009 (too big). */
const REFUSING_CLOSES = (code: number) => (code >= 4400 && code < 4500) || [1002, 1007, 1009].includes(code);

/**
 * At least 2,000 bad requests, generated from the served schema, against the running gateway:
 * each must be answered with a GraphQL error carrying a contract code, or an HTTP 4xx; never a
 * 500 or INTERNAL_SERVER_ERROR. The gateway keeps answering and the database is unchanged.
 * On a busy machine thousands of requests take minutes: hence the long timeouts.
 */
describe('hostile input', () => {
  let initiativeId: string;
  let token: string;
  // A client of its own: the failed sign-ins sent here must not use up loopback's budget.
  const client = from(clientAddress());

  const gateway = useGateway();
  const fixtures = useFixtures();
  beforeAll(async () => {
    initiativeId = (await fixtures.initiative()).id;
    token = (await fixtures.person(initiativeId, 'SECRETARIAT')).token;
  });

  async function send(request: HostileRequest, as = token): Promise<Verdict> {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...client,
        ...(request.authenticated ? { authorization: `Bearer ${as}` } : {}),
      },
      body: request.raw ?? JSON.stringify(request.body),
    });
    const text = await response.text();
    const verdict: Verdict = { label: request.label, status: response.status };
    if (response.status >= 500) return { ...verdict, problem: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    if (response.status >= 400 && !text.startsWith('{')) return verdict;
    let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text);
    } catch {
      return { ...verdict, problem: `non-JSON ${response.status} answer: ${text.slice(0, 200)}` };
    }
    if (response.status >= 400 && !body.errors) return verdict;
    if (!body.errors?.length) return { ...verdict, problem: `accepted: ${text.slice(0, 200)}` };
    const bad = body.errors.find((e) => !CONTRACT_CODES.has(e.extensions?.code ?? ''));
    if (bad) return { ...verdict, problem: `code ${bad.extensions?.code}: ${bad.message}` };
    if (/(SELECT|INSERT|UPDATE|relation|violates|at \w+ \(|node_modules)/.test(text))
      return { ...verdict, problem: `leaks internals: ${text.slice(0, 200)}` };
    return verdict;
  }

  /**
   * One exchange on a fresh socket: connection_init (with the token, without, or none), the
   * frames, then a ping. Done when the socket closes, when every subscribe frame has its answer,
   * or, for a case where silence is right, when the pong comes.
   */
  async function exchange(c: HostileLiveCase): Promise<LiveVerdict> {
    const socket = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('error', () => undefined);
    const messages: { type: string; id?: string; payload?: { extensions?: { code?: string }; message?: string }[] }[] = [];
    const subscribes = new Set(
      c.frames.flatMap((f) => {
        try {
          const m = JSON.parse(String(f));
          return m?.type === 'subscribe' && typeof m.id === 'string' ? [m.id] : [];
        } catch {
          return [];
        }
      }),
    ).size;
    let code: number | null = null;
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const answered = () => messages.filter((m) => ['error', 'next', 'complete'].includes(m.type)).length;
    socket.on('message', (data) => {
      messages.push(JSON.parse(String(data)));
      if (messages.at(-1)?.type === 'connection_ack') return;
      if (c.silent ? messages.at(-1)?.type === 'pong' : subscribes > 0 && answered() >= subscribes) settle();
    });
    socket.on('close', (closeCode) => {
      code = closeCode;
      settle();
    });
    await new Promise((resolve) => socket.once('open', resolve));
    const acked = new Promise((resolve) => socket.on('message', (d) => String(d).includes('connection_ack') && resolve(null)));
    if (c.init !== 'none') {
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: c.init === 'token' ? { authorization: `Bearer ${token}` } : {} }),
      );
    }
    if (c.init === 'token') await Promise.race([acked, done]);
    for (const frame of c.frames) socket.send(frame);
    socket.send(JSON.stringify({ type: 'ping' }));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
    clearTimeout(timer);
    socket.terminate();
    const errors = messages.filter((m) => m.type === 'error').flatMap((m) => m.payload ?? []);
    const outcome =
      code !== null
        ? `close ${code}`
        : errors.length
          ? `errors ${errors.map((e) => e.extensions?.code).join(',')}`
          : messages.map((m) => m.type).join(',');
    const verdict = { label: c.label, outcome };
    if (code !== null && !REFUSING_CLOSES(code)) return { ...verdict, problem: `closed with ${code}` };
    if (messages.some((m) => m.type === 'next'))
      return { ...verdict, problem: `accepted: ${JSON.stringify(messages)}`.slice(0, 300) };
    const bad = errors.find((e) => !CONTRACT_CODES.has(e.extensions?.code ?? ''));
    if (bad) return { ...verdict, problem: `code ${bad.extensions?.code}: ${bad.message}` };
    if (/(SELECT|INSERT|UPDATE|relation|violates|at \w+ \(|node_modules)/.test(JSON.stringify(messages)))
      return { ...verdict, problem: `leaks internals: ${JSON.stringify(messages).slice(0, 200)}` };
    if (code === null && !errors.length && !(c.silent && messages.some((m) => m.type === 'pong')))
      return { ...verdict, problem: `no answer: ${outcome}` };
    return verdict;
  }

  // Over 2,000 requests, one after another in eights: a generous limit, for a machine busy with other work.
  it('answers every one with a contract code or a 4xx, keeps answering, and changes nothing', async () => {
    const schema = gateway.app.get(GraphQLSchemaHost).schema;
    const requests = hostileRequests(schema);
    expect(requests.length).toBeGreaterThanOrEqual(2000);

    const before = await snapshotDatabase(fixtures.pool);
    const verdicts: Verdict[] = [];
    for (let i = 0; i < requests.length; i += 8) {
      verdicts.push(...(await Promise.all(requests.slice(i, i + 8).map((r) => send(r)))));
    }
    const after = await snapshotDatabase(fixtures.pool);

    const problems = verdicts.filter((v) => v.problem).map((v) => `${v.label}: ${v.problem}`);
    const statuses = verdicts.reduce<Record<number, number>>((acc, v) => ({ ...acc, [v.status]: (acc[v.status] ?? 0) + 1 }), {});
    reportSecurityFigure(
      `hostile input: ${requests.length} requests tried, ${problems.length} mismatches, HTTP statuses ${JSON.stringify(statuses)}`,
    );
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
    expect((await gateway.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  }, 300_000);

  it('answers every hostile WebSocket exchange with a contract code or a refusing close, keeps answering, and changes nothing', async () => {
    const cases = hostileLiveCases(gateway.app.get(GraphQLSchemaHost).schema);
    expect(cases.length).toBeGreaterThanOrEqual(35);

    const before = await snapshotDatabase(fixtures.pool);
    const verdicts: LiveVerdict[] = [];
    for (let i = 0; i < cases.length; i += 8) verdicts.push(...(await Promise.all(cases.slice(i, i + 8).map(exchange))));
    const after = await snapshotDatabase(fixtures.pool);

    const problems = verdicts.filter((v) => v.problem).map((v) => `${v.label}: ${v.problem}`);
    const outcomes = verdicts.reduce<Record<string, number>>((acc, v) => {
      const kind = v.outcome.replace(/,.*$/, '');
      return { ...acc, [kind]: (acc[kind] ?? 0) + 1 };
    }, {});
    reportSecurityFigure(
      `hostile WebSocket traffic: ${cases.length} exchanges tried, ${problems.length} mismatches, outcomes ${JSON.stringify(outcomes)}`,
    );
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
    expect((await gateway.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  }, 300_000);

  /**
   * Control characters in every text input, sent so that mutations reach the database (real ids
   * of a scene where the secretariat chairs the group). Then whatever was stored must leave in a
   * calendar feed that parses, with every line break escaped and no other control character but
   * tab, and in e-mails with exactly their own headers.
   */
  it('stores text with control characters only in a form the calendar feed and e-mail headers survive', async () => {
    // A secretariat of its own: the requests above used up the first one's mutation budget.
    const secretariat = await fixtures.person(initiativeId, 'SECRETARIAT');
    const group = await fixtures.group(initiativeId);
    await fixtures.groupRole(group.id, secretariat.id, 'CHAIR');
    const [plan] = await fixtures.query<{ id: string }>(
      `INSERT INTO work_plan (working_group_id, title, period_start, period_end) VALUES ($1, 'Plan', '2030-01-01', '2031-12-31') RETURNING id`,
      [group.id],
    );
    const [item] = await fixtures.query<{ id: string }>(
      `INSERT INTO work_item (work_plan_id, kind, title, due_at) VALUES ($1, 'TASK', 'Item', '2031-01-01T00:00:00Z') RETURNING id`,
      [plan.id],
    );
    const member = await fixtures.person(initiativeId, 'MEMBER');
    // A DRAFT meeting of the group: agenda items reach the database, minutes are refused (not started).
    const [meeting] = await fixtures.query<{ id: string }>(
      `INSERT INTO meeting (initiative_id, working_group_id, number, title, time_zone)
       SELECT $1, $2, coalesce(max(number), 0) + 1, 'Meeting', 'Europe/Zurich' FROM meeting WHERE initiative_id = $1 RETURNING id`,
      [initiativeId, group.id],
    );
    await fixtures.query(
      `INSERT INTO meeting_session (meeting_id, starts_at, ends_at) VALUES ($1, '2031-01-10T09:00:00Z', '2031-01-10T11:00:00Z')`,
      [meeting.id],
    );
    const known: Record<string, () => unknown> = {
      meetingId: () => meeting.id,
      initiativeId: () => initiativeId,
      workingGroupId: () => group.id,
      workPlanId: () => plan.id,
      ownerId: () => secretariat.id,
      personId: () => member.id,
      id: () => item.id,
      workItemId: () => item.id,
      dueAt: () => '2031-02-01T09:00:00Z',
      code: () => `CC-${uniqueId(3).toUpperCase()}`,
      email: () => `cc-${uniqueId()}@example.org`,
      password: () => 'a-long-enough-password',
      timeZone: () => 'Europe/Zurich',
      country: () => 'CH',
    };
    const requests = controlCharacterRequests(gateway.app.get(GraphQLSchemaHost).schema, known);
    // One at a time: what is stored (the first of conflicting updates) is the same on every run.
    const verdicts: Verdict[] = [];
    for (const request of requests) verdicts.push(await sendAllowingSuccess(request, secretariat.token));
    const problems = verdicts.filter((v) => v.problem).map((v) => `${v.label}: ${v.problem}`);
    reportSecurityFigure(
      `control characters: ${requests.length} requests, ${problems.length} mismatches, ` +
        `${verdicts.filter((v) => v.accepted).length} accepted and stored, the rest refused with a contract code`,
    );
    expect(problems).toEqual([]);

    // What was stored: the items' titles (addWorkItem) and the names of people (registerPerson).
    const items = await fixtures.query<{ title: string }>(
      `SELECT title FROM work_item WHERE work_plan_id = $1 AND due_at IS NOT NULL ORDER BY due_at, id`,
      [plan.id],
    );
    expect(
      items
        .map((i) => i.title)
        .filter((t) => CONTROL_TEXTS.includes(t))
        .sort(),
    ).toEqual([...CONTROL_TEXTS].sort());
    const people = await fixtures.query<{ id: string; name: string }>(
      `SELECT p.id, p.name FROM person p JOIN initiative_member m ON m.person_id = p.id AND m.initiative_id = $1
        WHERE p.name = ANY($2::text[])`,
      [initiativeId, CONTROL_TEXTS],
    );
    expect(people.map((p) => p.name).sort()).toEqual([...CONTROL_TEXTS].sort());
    const asInFeed = (text: string) => text.replace(/\r\n|\r|\n/g, '\n').replace(CONTROL_BUT_TAB_AND_LF, '');

    const feed = await calendarOf(secretariat.token);
    expect(feed.summaries).toEqual(items.map((i) => `Due: ${asInFeed(i.title)}`));
    for (const person of people) {
      const theirs = await calendarOf(fixtures.token(person.id));
      // ical.js leaves X- properties as written: the line break stays escaped.
      expect(theirs.name).toBe(`Deadlines of ${asInFeed(person.name).replace(/\n/g, '\\n')}`);
      expect(theirs.summaries).toEqual([]);
    }

    for (const { title } of items) {
      const rendered = renderEmail(
        {
          kind: 'WORK_ITEM_DUE',
          details: {
            initiativeName: 'I',
            groupName: 'G',
            subjectTitle: title,
            deadline: '2031-02-01T09:00:00Z',
            leadMs: 86_400_000,
            link: 'https://x',
          },
        },
        people[0].name,
        'Europe/Zurich',
      );
      const { raw } = composeMessage({ from: 'Platform <no-reply@example.org>', to: 'owner@example.org', ...rendered });
      const mail = await simpleParser(raw);
      expect([...mail.headers.keys()].sort()).toEqual(['content-type', 'date', 'from', 'mime-version', 'subject', 'to']);
      expect(mail.subject).toBe(`Due in 1 day: ${title.replace(ANY_CONTROL, ' ')}`);
      expect(raw.toString('utf8').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  }, 120_000);

  /**
   * The discussion's inputs against real targets (a document of three paragraphs, a comment, an
   * amendment, a KPI), so that each request passes the access policy and meets the rules:
   * 200,000-character texts, control characters, paragraphs out of range, blank reasons. Every
   * one is BAD_USER_INPUT and the database is unchanged.
   */
  it('refuses hostile texts and paragraphs in every discussion operation, changing nothing', async () => {
    // An initiative of its own: the control-character requests above may have drafted the first one's document.
    const home = (await fixtures.initiative()).id;
    const secretariat = await fixtures.person(home, 'SECRETARIAT');
    const member = await fixtures.person(home, 'MEMBER');
    const draft = await postGraphQL<{ draftTermsOfReference: { id: string; versions: { id: string }[] } }>(
      gateway.url,
      `mutation ($input: DraftTermsOfReferenceInput!) { draftTermsOfReference(input: $input) { id versions { id } } }`,
      { input: { initiativeId: home, title: 'ToR', body: 'One.\n\nTwo.\n\nThree.' } },
      secretariat.token,
    );
    const tor = { id: draft.data!.draftTermsOfReference.id };
    const version = { id: draft.data!.draftTermsOfReference.versions[0].id };
    const [kpi] = await fixtures.query<{ id: string }>(
      `INSERT INTO kpi (initiative_id, code, name, dimension, sub_dimension, category, level)
       VALUES ($1, $2, 'KPI', 'ECONOMY', 'ICT', 'ICT', 'CORE') RETURNING id`,
      [home, `HZ:${uniqueId()}`],
    );
    const [comment] = await fixtures.query<{ id: string }>(
      `INSERT INTO discussion_comment (initiative_id, tor_id, version_id, depth, author_id, body) VALUES ($1, $2, $3, 0, $4, 'Fine') RETURNING id`,
      [home, tor.id, version.id, member.id],
    );
    const [amendment] = await fixtures.query<{ id: string }>(
      `INSERT INTO amendment (initiative_id, tor_id, base_version_id, paragraph, original_text, proposed_text, proposer_id)
       VALUES ($1, $2, $3, 1, 'One.', 'Uno.', $4) RETURNING id`,
      [home, tor.id, version.id, member.id],
    );
    const huge = 'x'.repeat(200_000);
    const controls = ['bell\u0007', 'escape\u001b[31m', 'vertical\u000btab', 'delete\u007f', 'form\u000cfeed'];
    const onTor = (input: Record<string, unknown>) => ({
      query: `mutation ($input: CommentOnTermsOfReferenceInput!) { commentOnTermsOfReference(input: $input) { id } }`,
      variables: { input: { termsOfReferenceId: tor.id, body: 'ok', ...input } },
    });
    const onKpi = (input: Record<string, unknown>) => ({
      query: `mutation ($input: CommentOnKpiInput!) { commentOnKpi(input: $input) { id } }`,
      variables: { input: { kpiId: kpi.id, body: 'ok', ...input } },
    });
    const propose = (input: Record<string, unknown>) => ({
      query: `mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id } }`,
      variables: { input: { termsOfReferenceId: tor.id, paragraph: 2, proposedText: 'Deux.', ...input } },
    });
    const accept = (input: Record<string, unknown>) => ({
      query: `mutation ($input: AcceptAmendmentsInput!) { acceptAmendments(input: $input) { id } }`,
      variables: { input: { termsOfReferenceId: tor.id, amendmentIds: [amendment.id], ...input } },
    });
    const edit = (body: string) => ({
      query: `mutation ($id: ID!, $body: String!) { editComment(id: $id, body: $body) { id } }`,
      variables: { id: comment.id, body },
    });
    const reject = (reason: string) => ({
      query: `mutation ($id: ID!, $reason: String!) { rejectAmendment(id: $id, reason: $reason) { id } }`,
      variables: { id: amendment.id, reason },
    });
    const cases: [string, { query: string; variables: Record<string, unknown> }, string][] = [
      ['comment: huge body', onTor({ body: huge }), member.token],
      ['comment: blank body', onTor({ body: ' \n\t ' }), member.token],
      ['comment: paragraph 0', onTor({ paragraph: 0 }), member.token],
      ['comment: paragraph 4 of 3', onTor({ paragraph: 4 }), member.token],
      ['comment: paragraph 2^31', onTor({ paragraph: 2 ** 31 }), member.token],
      ['kpi comment: huge body', onKpi({ body: huge }), member.token],
      ['edit: huge body', edit(huge), member.token],
      ['edit: blank body', edit(''), member.token],
      ['propose: huge text', propose({ proposedText: huge }), member.token],
      ['propose: huge rationale', propose({ rationale: huge }), member.token],
      ['propose: paragraph 0', propose({ paragraph: 0 }), member.token],
      ['propose: paragraph 4 of 3', propose({ paragraph: 4 }), member.token],
      ['propose: paragraph -1', propose({ paragraph: -1 }), member.token],
      ['accept: huge resolution', accept({ resolution: huge }), secretariat.token],
      ['accept: huge summary', accept({ changeSummary: huge }), secretariat.token],
      ['accept: no amendments', accept({ amendmentIds: [] }), secretariat.token],
      ['accept: 101 amendments', accept({ amendmentIds: Array.from({ length: 101 }, () => amendment.id) }), secretariat.token],
      ['reject: huge reason', reject(huge), secretariat.token],
      ['reject: blank reason', reject('   '), secretariat.token],
      ...controls.flatMap((text): [string, { query: string; variables: Record<string, unknown> }, string][] => [
        [`comment: ${JSON.stringify(text)}`, onTor({ body: text }), member.token],
        [`kpi comment: ${JSON.stringify(text)}`, onKpi({ body: text }), member.token],
        [`edit: ${JSON.stringify(text)}`, edit(text), member.token],
        [`propose: ${JSON.stringify(text)}`, propose({ proposedText: text }), member.token],
        [`propose rationale: ${JSON.stringify(text)}`, propose({ rationale: text }), member.token],
        [`accept resolution: ${JSON.stringify(text)}`, accept({ resolution: text }), secretariat.token],
        [`reject: ${JSON.stringify(text)}`, reject(text), secretariat.token],
      ]),
    ];
    const before = await snapshotDatabase(fixtures.pool);
    const outcomes: string[] = [];
    for (const [label, request, as] of cases) {
      const answer = await postGraphQL(gateway.url, request.query, request.variables, as);
      outcomes.push(`${label}: ${(answer.errors ?? []).map((e) => e.extensions?.code).join(',') || 'accepted'}`);
    }
    expect(outcomes).toEqual(cases.map(([label]) => `${label}: BAD_USER_INPUT`));
    expect(await snapshotDatabase(fixtures.pool)).toEqual(before);
    reportSecurityFigure(`discussion inputs: ${cases.length} hostile requests, all BAD_USER_INPUT, nothing changed`);
  }, 120_000);

  /** Like send(), but a request that succeeds is fine too (the text was stored). */
  async function sendAllowingSuccess(request: HostileRequest, as: string): Promise<Verdict> {
    const verdict = await send(request, as);
    return verdict.problem?.startsWith('accepted: ') ? { label: verdict.label, status: verdict.status, accepted: true } : verdict;
  }

  /** The caller's calendar feed, parsed with ical.js: its name and event summaries in order. */
  async function calendarOf(personToken: string): Promise<{ name: string; summaries: string[] }> {
    const answer = await postGraphQL<{ myCalendarFeedUrl: string }>(gateway.url, `{ myCalendarFeedUrl }`, {}, personToken);
    const response = await fetch(gateway.url + new URL(answer.data!.myCalendarFeedUrl).pathname);
    expect(response.status).toBe(200);
    const text = await response.text();
    // Line ends are CRLF only, and no other control character but tab is left in the text.
    expect(text.replace(/\r\n/g, '')).not.toMatch(CONTROL_BUT_TAB);
    const calendar = new ICAL.Component(ICAL.parse(text));
    return {
      name: String(calendar.getFirstPropertyValue('x-wr-calname')),
      summaries: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary),
    };
  }
});

/* eslint-disable no-control-regex */
const CONTROL_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const CONTROL_BUT_TAB_AND_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** What a header makes of control characters: each run of them becomes one space. */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;
/* eslint-enable no-control-regex */
