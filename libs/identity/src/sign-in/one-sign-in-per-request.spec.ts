import { type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { requireOneSignIn } from './one-sign-in-per-request';

/** What requireOneSignIn reads of the resolve info: the operation being executed and the fragments. */
function infoOf(document: string): GraphQLResolveInfo {
  const definitions = parse(document).definitions;
  const operation = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { operation, fragments } as unknown as GraphQLResolveInfo;
}

const login = (alias = '') => `${alias ? `${alias}: ` : ''}login(email: "a@b.org", password: "p") { accessToken }`;

describe('requireOneSignIn', () => {
  it.each([
    ['one login', `mutation { ${login()} }`],
    ['one login next to other mutations', `mutation { signOutEverywhere ${login('a')} }`],
    ['the same login twice under one key (GraphQL runs it once)', `mutation { ${login()} ${login()} }`],
    ['one login in a fragment spread twice', `mutation { ...F ...F } fragment F on Mutation { ${login('a')} }`],
  ])('accepts %s', (_label, document) => {
    expect(() => requireOneSignIn(infoOf(document))).not.toThrow();
  });

  it.each([
    ['two aliased logins', `mutation { ${login('a')} ${login('b')} }`],
    ['login and acceptInvitation', `mutation { ${login()} acceptInvitation(token: "t", password: "p") { accessToken } }`],
    [
      'two changeMyPassword',
      `mutation { a: changeMyPassword(currentPassword: "c", newPassword: "n") { accessToken } b: changeMyPassword(currentPassword: "c", newPassword: "m") { accessToken } }`,
    ],
    [
      'logins in two fragments',
      `mutation { ...A ...B } fragment A on Mutation { ${login('a')} } fragment B on Mutation { ${login('b')} }`,
    ],
    ['logins in inline fragments', `mutation { ... on Mutation { ${login('a')} } ... on Mutation { ${login('b')} } }`],
  ])('refuses %s with BAD_USER_INPUT', (_label, document) => {
    expect(() => requireOneSignIn(infoOf(document))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
