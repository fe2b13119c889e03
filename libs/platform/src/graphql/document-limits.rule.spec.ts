import { buildSchema, parse, validate } from 'graphql';
import { aliasLimitRule, fragmentSpreadLimitRule } from './document-limits.rule';

const schema = buildSchema(`type Query { a: Int }`);
const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `x${i}: a`).join(' ')} }`;
const spread = (n: number) => `{ ${'...F '.repeat(n)} } fragment F on Query { a }`;
const errorsOf = (source: string) =>
  validate(schema, parse(source), [aliasLimitRule(50), fragmentSpreadLimitRule(100)]).map((e) => e.message);

describe('aliasLimitRule', () => {
  it('accepts up to the limit', () => expect(errorsOf(aliased(50))).toEqual([]));
  it('refuses more, once', () =>
    expect(errorsOf(aliased(1000))).toEqual(['Too many aliased fields: more than 50 in one request']));
});

describe('fragmentSpreadLimitRule', () => {
  it('accepts up to the limit', () => expect(errorsOf(spread(100))).toEqual([]));
  it('refuses more, once, wherever they are', () => {
    expect(errorsOf(spread(101))).toEqual(['Too many fragment spreads: more than 100 in one request']);
    // 1 + 60 + 40 spreads, each counted once as written (inline fragments are not spreads).
    const inFragments = `{ ...A ... on Query { a } } fragment A on Query { ${'...B '.repeat(60)} } fragment B on Query { ${'...C '.repeat(40)} } fragment C on Query { a }`;
    expect(errorsOf(inFragments)).toEqual(['Too many fragment spreads: more than 100 in one request']);
    expect(errorsOf(inFragments.replace('...C '.repeat(40), '...C '.repeat(39)))).toEqual([]);
  });
});
