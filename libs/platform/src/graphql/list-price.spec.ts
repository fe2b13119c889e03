import { buildSchema, graphql } from 'graphql';
import { capListFields, listOf } from './list-price';

describe('capListFields', () => {
  const schema = buildSchema(`type Query { capped: [Int!]!, later: [Int!]!, free: [Int!]! }`);
  const fields = schema.getQueryType()!.getFields();
  Object.assign(fields.capped, { extensions: { complexity: listOf(100) } });
  Object.assign(fields.later, { extensions: { complexity: listOf(3) } });
  capListFields(schema);
  const numbers = Array.from({ length: 150 }, (_, i) => i);
  const rootValue = { capped: () => numbers, later: async () => numbers, free: () => numbers };

  it('returns the first maxItems elements of a list priced with listOf, resolved now or later', async () => {
    const result = await graphql({ schema, source: '{ capped later free }', rootValue });
    const data = result.data as { capped: number[]; later: number[]; free: number[] };
    expect(data.capped).toEqual(numbers.slice(0, 100));
    expect(data.later).toEqual([0, 1, 2]);
    expect(data.free).toHaveLength(150);
  });
});
