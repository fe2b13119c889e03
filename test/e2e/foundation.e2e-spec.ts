import { errorCodes, useGateway } from '../support/gateway-harness';

describe('gateway foundation', () => {
  const gateway = useGateway();

  it('answers { __typename } over HTTP', async () => {
    const result = await gateway.gql('{ __typename }');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ __typename: 'Query' });
    expect(result.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports readiness of PostgreSQL and Redis', async () => {
    const response = await fetch(`${gateway.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
    expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
  });

  it('answers a malformed query with BAD_USER_INPUT, not a 500', async () => {
    const result = await gateway.gql('{ serverTime ');
    expect(result.status).toBe(400);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/Syntax Error/);
  });

  it('answers an unknown field with BAD_USER_INPUT', async () => {
    const result = await gateway.gql('{ noSuchField }');
    expect(result.status).toBe(400);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toBe('Cannot query field "noSuchField" on type "Query".');
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });
});
