import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, useGateway } from '../support/gateway-harness';

/** A stand-in for dist/web (what `npm run build` writes), so the test does not need a built client. */
function fixtureClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>client</title><script type="module" src="/assets/main-Ab12Cd.js"></script>',
  );
  writeFileSync(join(dir, 'ide.html'), '<!doctype html><title>GraphiQL</title>');
  writeFileSync(join(dir, 'assets', 'main-Ab12Cd.js'), 'console.log("client");');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('the gateway serves the built web client', () => {
  let dir: string;

  beforeAll(() => {
    dir = fixtureClient();
  });
  const gateway = useGateway(() => ({ WEB_DIST_DIR: dir }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves hashed assets with a year-long immutable cache, and a missing one as 404', async () => {
    const asset = await fetch(`${gateway.url}/assets/main-Ab12Cd.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(await asset.text()).toBe('console.log("client");');
    const missing = await fetch(`${gateway.url}/assets/main-Zz99.js`);
    expect(missing.status).toBe(404);
    expect((await fetch(`${gateway.url}/assets/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it.each(['/', '/sign-in', '/ballots/8f0e6a56-3c2b-4a4e-9f0e-3d1d8c1e2a11', '/i/u4ssc', '/invitation/abc-123'])(
    'answers the client route %s with index.html, revalidated each time',
    async (path) => {
      const page = await fetch(`${gateway.url}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('/assets/main-Ab12Cd.js');
    },
  );

  it('sends a Content-Security-Policy that allows only this origin and no inline script', async () => {
    const csp = (await fetch(`${gateway.url}/sign-in`)).headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });

  it('leaves /graphql (GET and POST), /health and /calendar to the gateway', async () => {
    const post = await gateway.gql('{ __typename }');
    expect(post.data).toEqual({ __typename: 'Query' });
    const get = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const health = await fetch(`${gateway.url}/health/live`);
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
    const calendar = await fetch(`${gateway.url}/calendar/00000000-0000-0000-0000-000000000000/nope.ics`);
    expect(calendar.status).toBe(404);
    expect(await calendar.text()).not.toContain('/assets/main-Ab12Cd.js');
  });

  it('serves GraphiQL at /ide from the built client while introspection is on', async () => {
    const ide = await fetch(`${gateway.url}/ide`);
    expect(ide.status).toBe(200);
    expect(await ide.text()).toContain('<title>GraphiQL</title>');
    const off = await startGateway({ WEB_DIST_DIR: dir, GRAPHQL_INTROSPECTION: 'false' });
    try {
      expect((await fetch(`${off.url}/ide`)).status).toBe(404);
    } finally {
      await off.close();
    }
  });

  it('serves the API only when the client is not built', async () => {
    const bare = await startGateway({ WEB_DIST_DIR: join(dir, 'absent') });
    try {
      expect((await fetch(`${bare.url}/sign-in`)).status).toBe(404);
      expect((await bare.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      await bare.close();
    }
  });
});
