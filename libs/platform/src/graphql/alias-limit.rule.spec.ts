import { buildSchema, parse, validate } from 'graphql';
import { aliasLimitRule } from './alias-limit.rule';

const schema = buildSchema(`type Query { a: Int }`);
const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `x${i}: a`).join(' ')} }`;
const errorsOf = (source: string) => validate(schema, parse(source), [aliasLimitRule(50)]).map((e) => e.message);

describe('aliasLimitRule', () => {
  it('accepts up to the limit', () => expect(errorsOf(aliased(50))).toEqual([]));
  it('refuses more, once', () =>
    expect(errorsOf(aliased(1000))).toEqual(['Too many aliased fields: more than 50 in one request']));
});
