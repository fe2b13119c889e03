import { buildSchema, parse, validate } from 'graphql';
import { depthLimitRule } from './depth-limit.rule';

const schema = buildSchema(`
  type Node { name: String, child: Node }
  type Query { root: Node }
`);

/** `{ root { child { ... name } } }` with exactly `levels` levels of fields. */
function query(levels: number): string {
  let selection = 'name';
  for (let level = levels - 1; level > 1; level -= 1) selection = `child { ${selection} }`;
  return `{ root { ${selection} } }`;
}

const errorsOf = (source: string, max = 10) => validate(schema, parse(source), [depthLimitRule(max)]).map((e) => e.message);

describe('depthLimitRule', () => {
  it('accepts exactly the maximum depth', () => {
    expect(errorsOf(query(10))).toEqual([]);
  });

  it('refuses one level more with a clear message', () => {
    expect(errorsOf(query(11))).toEqual(['Query is too deep: 11 levels of fields, the maximum is 10']);
  });

  it('counts through named and inline fragments', () => {
    const viaFragments = `{ root { ...A } } fragment A on Node { child { ... on Node { child { name } } } }`;
    expect(errorsOf(viaFragments, 4)).toEqual([]);
    expect(errorsOf(viaFragments, 3)).toEqual(['Query is too deep: 4 levels of fields, the maximum is 3']);
  });

  it('does not count introspection, which GraphiQL needs', () => {
    expect(errorsOf(`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`, 2)).toEqual([]);
  });
});
