import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { selectsField } from './selects-field';

const schema = buildSchema(`
  type Progress { total: Int }
  type Plan { title: String progress: Progress }
  type Query { plan: Plan }
`);

/** What selectsField(info, 'progress') answers for the `plan` field of `query`. */
async function looksAhead(query: string): Promise<boolean> {
  let seen: boolean | undefined;
  const rootValue = {
    plan: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      seen = selectsField(info, 'progress');
      return { title: 'x', progress: { total: 1 } };
    },
  };
  const result = await graphql({ schema, source: query, rootValue });
  expect(result.errors).toBeUndefined();
  return seen as boolean;
}

describe('selectsField', () => {
  it('sees a directly selected sub-field', async () => {
    expect(await looksAhead('{ plan { title progress { total } } }')).toBe(true);
  });

  it('does not see a sub-field that is not selected', async () => {
    expect(await looksAhead('{ plan { title } }')).toBe(false);
  });

  it('sees it through an inline fragment and a named fragment, even a nested one', async () => {
    expect(await looksAhead('{ plan { ... on Plan { progress { total } } } }')).toBe(true);
    expect(
      await looksAhead('query { plan { ...A } } fragment A on Plan { ...B } fragment B on Plan { progress { total } }'),
    ).toBe(true);
    expect(await looksAhead('query { plan { ...A } } fragment A on Plan { title }')).toBe(false);
  });
});
