import { createHmac } from 'node:crypto';
import { createLogger } from '@app/platform';
import ICAL from 'ical.js';
import { useFixtures } from '../support/fixtures';
import { errorCodes, postGraphQL, startGateway, useGateway } from '../support/gateway-harness';
import { addItem, changeItem, workItemScene } from '../support/reminders';
import { waitFor } from '../support/tor-fixtures';

describe('calendar feed', () => {
  const gateway = useGateway({ PUBLIC_URL: 'https://wg.example' });
  const fx = useFixtures();

  const feedUrl = async (token: string) => {
    const result = await gateway.gql<{ myCalendarFeedUrl: string }>(`{ myCalendarFeedUrl }`, {}, token);
    expect(result.errors).toBeUndefined();
    return result.data!.myCalendarFeedUrl;
  };
  /** The URL is under PUBLIC_URL; fetch its path from the gateway under test. */
  const get = (url: string) => fetch(gateway.url + new URL(url).pathname);

  it('lists the caller’s deadlines as valid iCalendar with stable UIDs; a rotated or unknown secret is 404', async () => {
    const s = await workItemScene(fx);
    const due1 = new Date('2031-03-01T09:00:00Z');
    const due2 = new Date('2031-04-01T15:30:00Z');
    const owned = await addItem(fx, s.planId, s.owner.id, due1);
    const unowned = await addItem(fx, s.planId, null, due2);
    const done = await addItem(fx, s.planId, s.owner.id, new Date('2031-05-01T00:00:00Z'));
    await changeItem(fx, done, `status = 'DONE', percent_complete = 100`);

    const url = await feedUrl(s.owner.token);
    expect(url).toMatch(new RegExp(`^https://wg\\.example/calendar/${s.owner.id}/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await feedUrl(s.owner.token)).toBe(url);

    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toJSDate().toISOString()])).toEqual([
      [`work-item-${owned}@wgcollab`, due1.toISOString()],
    ]);
    expect(events[0].summary).toMatch(/^Due: Task /);

    // The chair sees every open item of the group they chair.
    const chairText = await (await get(await feedUrl(s.chair.token))).text();
    const chairEvents = new ICAL.Component(ICAL.parse(chairText)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(chairEvents.map((e) => e.uid)).toEqual([`work-item-${owned}@wgcollab`, `work-item-${unowned}@wgcollab`]);
    // Stable UIDs: the same feed twice gives the same events.
    const again = new ICAL.Component(ICAL.parse(await (await get(url)).text())).getAllSubcomponents('vevent');
    expect(again.map((v) => new ICAL.Event(v).uid)).toEqual(events.map((e) => e.uid));

    const rotated = await gateway.gql<{ rotateMyCalendarFeedUrl: string }>(
      `mutation { rotateMyCalendarFeedUrl }`,
      {},
      s.owner.token,
    );
    const newUrl = rotated.data!.rotateMyCalendarFeedUrl;
    expect(newUrl).not.toBe(url);
    expect(await feedUrl(s.owner.token)).toBe(newUrl);
    expect((await get(url)).status).toBe(404);
    expect((await get(newUrl)).status).toBe(200);
    expect((await get(newUrl.replace(s.owner.id, s.chair.id))).status).toBe(404);
    expect((await fetch(`${gateway.url}/calendar/not-a-uuid/x.ics`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/calendar/${s.owner.id}/wrong.ics`)).status).toBe(404);
    expect(errorCodes(await gateway.gql(`{ myCalendarFeedUrl }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('lists the closing times of ballots the caller may vote in', async () => {
    const initiative = await fx.initiative();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const elector = await fx.person(initiative.id);
    const [tor] = await fx.query<{ id: string }>(
      `INSERT INTO terms_of_reference (initiative_id, title) VALUES ($1, 'ToR') RETURNING id`,
      [initiative.id],
    );
    const [version] = await fx.query<{ id: string }>(
      `INSERT INTO tor_version (tor_id, number, body, content_hash, author_id) VALUES ($1, 1, 'x', repeat('a', 64), $2) RETURNING id`,
      [tor.id, secretariat.id],
    );
    const [ballot] = await fx.query<{ id: string }>(
      `INSERT INTO ballot (tor_id, version_id, opened_by, closes_at, rule, quorum, electorate_size)
       VALUES ($1, $2, $3, '2031-06-01T12:00:00Z', 'CONSENSUS', 0.5, 1) RETURNING id`,
      [tor.id, version.id, secretariat.id],
    );
    await fx.query(`INSERT INTO ballot_elector (ballot_id, person_id) VALUES ($1, $2)`, [ballot.id, elector.id]);
    const text = await (await get(await feedUrl(elector.token))).text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toJSDate().toISOString(), e.summary])).toEqual([
      [`ballot-${ballot.id}@wgcollab`, '2031-06-01T12:00:00.000Z', 'Ballot closes: ToR'],
    ]);
    const secretariatText = await (await get(await feedUrl(secretariat.token))).text();
    expect(new ICAL.Component(ICAL.parse(secretariatText)).getAllSubcomponents('vevent')).toHaveLength(0);
  });

  it('signs feed URLs with a key of its own, never with JWT_SECRET itself', async () => {
    const initiative = await fx.initiative();
    const person = await fx.person(initiative.id);
    const url = await feedUrl(person.token);
    const secret = /\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1];
    const [{ v }] = await fx.query<{ v: number }>(
      `SELECT coalesce((SELECT feed_version FROM notification_preferences WHERE person_id = $1), 1) AS v`,
      [person.id],
    );
    const withJwtSecret = createHmac('sha256', gateway.config.JWT_SECRET).update(`${person.id}:${v}`).digest('base64url');
    expect(secret).not.toBe(withJwtSecret);
    expect((await get(url)).status).toBe(200);
    expect((await get(url.replace(secret, withJwtSecret))).status).toBe(404);
  });

  it('keeps the feed secret out of the request log', async () => {
    const lines: string[] = [];
    const logged = await startGateway(
      { LOG_LEVEL: 'info' },
      createLogger('info', 'gateway', { write: (line: string) => void lines.push(line) }),
    );
    try {
      const initiative = await fx.initiative();
      const person = await fx.person(initiative.id);
      const answer = await postGraphQL<{ myCalendarFeedUrl: string }>(logged.url, `{ myCalendarFeedUrl }`, {}, person.token);
      const path = new URL(answer.data!.myCalendarFeedUrl).pathname;
      const secret = /\/([A-Za-z0-9_-]{43})\.ics$/.exec(path)![1];
      expect((await fetch(logged.url + path)).status).toBe(200);
      expect((await fetch(logged.url + path.replace(secret, `${secret}x`))).status).toBe(404);
      expect((await fetch(logged.url + path.toUpperCase().replace(person.id.toUpperCase(), person.id))).status).toBe(404);
      const feedRequests = () =>
        lines
          .map((l) => JSON.parse(l) as { msg: string; path?: string; status?: number })
          .filter((r) => r.msg === 'request' && r.path?.toLowerCase().startsWith('/calendar/'));
      await waitFor(async () => feedRequests().length === 3);
      expect(feedRequests().map((r) => [r.path, r.status])).toEqual([
        [`/calendar/${person.id}/[redacted]`, 200],
        [`/calendar/${person.id}/[redacted]`, 404],
        [`/CALENDAR/${person.id}/[redacted]`, 404],
      ]);
      expect(lines.join('\n')).not.toContain(secret);
      expect(lines.join('\n').toLowerCase()).not.toContain(secret.toLowerCase());
    } finally {
      await logged.close();
    }
  });
});
