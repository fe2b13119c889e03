import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import { useFixtures } from '../support/fixtures';
import { postGraphQL, useGateway } from '../support/gateway-harness';
import { fragmentFanOut } from '../support/hostile-requests';

/**
 * What one GraphQL request may cost the gateway before any resolver runs (audit findings 1 and 2
 * in docs/SECURITY.md): validation and cost estimation are linear in the document, whatever its
 * fragments; the cost estimate never fails open; every list is priced and capped.
 */
describe('query limits', () => {
  let initiative: { id: string; slug: string };
  let token: string;

  const gateway = useGateway();
  const fixtures = useFixtures();
  beforeAll(async () => {
    initiative = await fixtures.initiative();
    token = (await fixtures.person(initiative.id, 'SECRETARIAT')).token;
  });

  const reasonsOf = (result: { errors?: { extensions: { code: string; reason?: unknown } }[] }) =>
    (result.errors ?? []).map((e) => `${e.extensions.code}/${String(e.extensions.reason)}`);

  // A rule that walked a fragment again at every spread would make 2^30 walks: minutes of blocked
  // event loop (this in-process gateway included), so the test would run into its timeout.
  it('answers the 1 KB fragment fan-out at once, with BAD_USER_INPUT and no sign-in', async () => {
    const query = fragmentFanOut(30);
    expect(query.length).toBeLessThan(1300);
    const result = await postGraphQL(gateway.url, query);
    expect(result.status).toBe(400);
    expect(reasonsOf(result)).toEqual(['BAD_USER_INPUT/QUERY_TOO_COMPLEX']);
  }, 60_000);

  it('answers every variant of the fan-out at once: spreads x10, inline fragments, aliases, object types', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: serverTime`).join(' ');
    const variants: [string, string, string[]][] = [
      ['spreads x10 per fragment', fragmentFanOut(30, { spreads: 10 }), ['BAD_USER_INPUT/TOO_MANY_FRAGMENT_SPREADS']],
      ['50 aliases at the leaf', fragmentFanOut(29, { leaf: aliases }), ['BAD_USER_INPUT/QUERY_TOO_COMPLEX']],
      [
        'on an object type',
        fragmentFanOut(30, { on: 'Person', leaf: 'name', root: '{ me { ...F1 } }' }),
        ['BAD_USER_INPUT/QUERY_TOO_COMPLEX'],
      ],
      ['inline fragments nested 190 deep', `{ ${'... on Query { '.repeat(190)}serverTime${' }'.repeat(190)} }`, []],
      [
        'inline fragments nested 250 deep (over 1,000 tokens)',
        `{ ${'... on Query { '.repeat(250)}serverTime${' }'.repeat(250)} }`,
        ['BAD_USER_INPUT/GRAPHQL_PARSE_FAILED'],
      ],
      // graphql's rule that fields merge compares same-named fields in pairs, within a budget of its own.
      ['the same field 990 times', `{ ${'serverTime '.repeat(990)}}`, ['BAD_USER_INPUT/GRAPHQL_VALIDATION_FAILED']],
      ['the same object 245 times', `{ ${'me { id } '.repeat(245)}}`, []],
      ['60 fragments spread side by side', sideBySide(60), []],
    ];
    const answers: [string, string[]][] = [];
    for (const [label, query] of variants) answers.push([label, reasonsOf(await postGraphQL(gateway.url, query, {}, token))]);
    expect(answers).toEqual(variants.map(([label, , expected]) => [label, expected]));
    expect((await gateway.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  }, 60_000);

  /** `{ ...S0 ... ...S<n-1> }`, each fragment selecting the same fields: pairs of fragments to compare. */
  function sideBySide(n: number): string {
    const names = Array.from({ length: n }, (_, i) => `S${i}`);
    return `{ ${names.map((f) => `...${f}`).join(' ')} } ${names.map((f) => `fragment ${f} on Query { serverTime }`).join(' ')}`;
  }

  // An estimator that gives up (10,000 nodes) must refuse, not let the query run unpriced.
  it('refuses a costly query padded until the estimator would give up, instead of running it', async () => {
    const costly = `overdueItems(initiativeId: "${initiative.id}", first: 200) { edges { node { title
      workPlan { items(first: 200) { edges { node { title owner { name } } } } } } } }`;
    const padded = fragmentFanOut(15, { leaf: '__typename', root: `{ ...F1 ${costly} }` });
    const result = await postGraphQL(gateway.url, padded, {}, token);
    expect(reasonsOf(result)).toEqual(['BAD_USER_INPUT/QUERY_TOO_COMPLEX']);
    expect(result.data).toBeNull();
  });

  it('sends variables of the wrong type on to the usual BAD_USER_INPUT, not to the cost check', async () => {
    const query = `query($n: Int) { overdueItems(initiativeId: "${initiative.id}", first: $n) { totalCount } }`;
    const result = await postGraphQL(gateway.url, query, { n: 'many' }, token);
    expect(result.status).toBe(400);
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/\$n/);
  });

  // Left to the recursive walkers of later plugins, these would overflow the stack: HTTP 500.
  it('refuses variables nested 10,000 deep (20 KB) with BAD_USER_INPUT, with or without a token', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const answers: [number, string[]][] = [];
    for (const [query, name] of [
      ['query($id: ID!) { workItem(id: $id) { id } }', 'id'],
      ['{ serverTime }', 'unused'],
    ]) {
      for (const authorization of [`Bearer ${token}`, '']) {
        const response = await fetch(`${gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: `{"query": ${JSON.stringify(query)}, "variables": {"${name}": ${deep}}}`,
        });
        const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
        answers.push([response.status, (body.errors ?? []).map((e) => e.extensions.code)]);
      }
    }
    expect(answers).toEqual(Array.from({ length: 4 }, () => [400, ['BAD_USER_INPUT']]));
  });

  it('prices every list and connection field, so that a new one cannot be forgotten', () => {
    const schema = gateway.app.get(GraphQLSchemaHost).schema;
    const unpriced: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const isList = isListType(getNullableType(field.type)) || getNamedType(field.type).name.endsWith('Connection');
        if (isList && field.extensions.complexity === undefined) unpriced.push(`${type.name}.${field.name}`);
      }
    }
    expect(unpriced).toEqual([]);
  });

  it('prices a page by its size: 200 members of every group of every initiative is refused', async () => {
    const query = `{ initiatives { workingGroups { members(first: 200) { edges { node { person { name } } } } } } }`;
    const result = await postGraphQL(gateway.url, query, {}, token);
    expect(result.status).toBe(400);
    expect(reasonsOf(result)).toEqual(['BAD_USER_INPUT/QUERY_TOO_COMPLEX']);
  });

  it('returns at most 100 working groups of an initiative (a list without pages is capped)', async () => {
    const big = await fixtures.initiative();
    const secretariat = await fixtures.person(big.id, 'SECRETARIAT');
    await fixtures.query(
      `INSERT INTO working_group (initiative_id, code, name, mandate)
       SELECT $1, 'WG' || lpad(n::text, 3, '0'), 'Group ' || n, 'Mandate' FROM generate_series(1, 101) n`,
      [big.id],
    );
    const result = await gateway.gql<{ initiative: { workingGroups: { code: string }[] } }>(
      `query($slug: String!) { initiative(slug: $slug) { workingGroups { code } } }`,
      { slug: big.slug },
      secretariat.token,
    );
    expect(result.errors).toBeUndefined();
    const codes = result.data!.initiative.workingGroups.map((g) => g.code);
    expect(codes).toHaveLength(100);
    expect([codes[0], codes[99]]).toEqual(['WG001', 'WG100']);
  });
});
