import { Fixtures } from '../support/fixtures';
import { startGateway, type GatewayUnderTest } from '../support/gateway-harness';

describe('queue dashboard (Bull Board at /admin/queues)', () => {
  let gateway: GatewayUnderTest;
  let fx: Fixtures;

  beforeAll(async () => {
    gateway = await startGateway();
    fx = new Fixtures(gateway.config);
  });
  afterAll(async () => {
    await gateway.close();
    await fx.close();
  });

  it('is for SECRETARIAT accounts only; ?token= once sets an HttpOnly SameSite=Strict cookie', async () => {
    const initiative = await fx.initiative();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const member = await fx.person(initiative.id, 'MEMBER');
    const base = `${gateway.url}/admin/queues`;

    expect((await fetch(base)).status).toBe(401);
    expect((await fetch(base, { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
    expect((await fetch(base, { headers: { authorization: `Bearer ${member.token}` } })).status).toBe(403);

    const page = await fetch(base, { headers: { authorization: `Bearer ${secretariat.token}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);

    const api = await fetch(`${base}/api/queues`, { headers: { authorization: `Bearer ${secretariat.token}` } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['ballots', 'mail', 'outbox', 'reminders', 'system']);

    const login = await fetch(`${base}?token=${encodeURIComponent(secretariat.token)}`, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/admin/queues');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await fetch(base, { headers: { cookie: cookie.split(';')[0] } });
    expect(withCookie.status).toBe(200);

    const memberLogin = await fetch(`${base}?token=${encodeURIComponent(member.token)}`, { redirect: 'manual' });
    expect(memberLogin.status).toBe(403);
    expect(memberLogin.headers.get('set-cookie')).toBeNull();
  });
});
