import { buildSchema, type DocumentNode, getOperationAST, parse } from 'graphql';
import { listOf, pagePrice, pricedByConnection } from './list-price';
import { queryCost } from './query-cost';

const schema = buildSchema(`
  type Person { name: String, friends: [Person!]!, tags: [String!]!, colleagues: [Person!]!, pals: [Person!]! }
  type PersonEdge { node: Person! }
  type PersonConnection { edges: [PersonEdge!]!, totalCount: Int! }
  type Query {
    me: Person
    people(first: Int = 50): PersonConnection!
    unpriced: [Person!]!
    expensive: Person
    broken: Person
    now: String
  }
`);
const priced: [string, string, unknown][] = [
  ['Query', 'people', pagePrice],
  ['PersonConnection', 'edges', pricedByConnection],
  ['Person', 'friends', listOf(100)],
  ['Person', 'colleagues', listOf(5)],
  ['Person', 'tags', listOf(20)],
  ['Query', 'expensive', 40],
  ['Query', 'broken', () => Number.NaN],
];
for (const [type, field, complexity] of priced) {
  const fields = (schema.getType(type) as unknown as { getFields(): Record<string, object> }).getFields();
  Object.assign(fields[field], { extensions: { complexity } });
}

const costOf = (source: string, variables: Record<string, unknown> = {}, document: DocumentNode = parse(source)) =>
  queryCost(schema, document, getOperationAST(document)!, variables);

describe('queryCost', () => {
  it('costs 1 a field plus its selection, and a declared number plus its selection', () => {
    expect(costOf('{ now me { name } }')).toBe(3);
    expect(costOf('{ expensive { name } }')).toBe(41);
  });

  it('prices a page by `first`, capped at 200, and its edges once per element', () => {
    // people: 1 + first x (edges 1 + (node 1 + name 1) + totalCount 1)
    expect(costOf('{ people(first: 10) { edges { node { name } } totalCount } }')).toBe(1 + 10 * 4);
    expect(costOf('{ people { edges { node { name } } } }')).toBe(1 + 50 * 3);
    expect(costOf('{ people(first: 100000) { totalCount } }')).toBe(1 + 200);
    expect(costOf('query($n: Int) { people(first: $n) { totalCount } }', { n: null })).toBe(1 + 200);
    expect(costOf('query($n: Int) { people(first: $n) { totalCount } }', { n: 7 })).toBe(1 + 7);
  });

  it('prices a capped list as at most 10 elements, and a list without a price as a full page', () => {
    expect(costOf('{ me { friends { name } } }')).toBe(1 + 1 + 10);
    expect(costOf('{ me { colleagues { name } } }')).toBe(1 + 1 + 5);
    expect(costOf('{ me { tags } }')).toBe(1 + 1);
    expect(costOf('{ unpriced { name } }')).toBe(1 + 200);
  });

  it('counts what @skip and @include leave, and what fragments select', () => {
    const source =
      'query($x: Boolean!) { me { name @skip(if: $x) ...P } } fragment P on Person { ... on Person { friends @include(if: $x) { name } } }';
    expect(costOf(source, { x: true })).toBe(1 + 11);
    expect(costOf(source, { x: false })).toBe(1 + 1);
  });

  it('does not price introspection lists as pages (GraphiQL needs them)', () => {
    expect(costOf('{ __schema { types { fields { name } } } }')).toBe(4);
  });

  it('leaves variables that do not fit their types to execution (null)', () => {
    expect(costOf('query($n: Int) { people(first: $n) { totalCount } }', { n: 'many' })).toBeNull();
  });

  it('throws on what it cannot price, so that the request is refused', () => {
    expect(() => costOf('{ broken { name } }')).toThrow('no price for Query.broken');
    expect(() => costOf('{ nothing }')).toThrow('no field Query.nothing');
    expect(() => costOf('{ ...Missing }')).toThrow('no fragment Missing');
  });
});
