import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { DomainError } from '@app/platform';

/** The mutations that check or hash a password (argon2: expensive on purpose). */
export const SIGN_IN_FIELDS = ['login', 'acceptInvitation', 'changeMyPassword'];

/**
 * BAD_USER_INPUT when the operation being executed would run more than one sign-in field
 * (aliases and fragments included): one request must not buy many password hashes. Each
 * sign-in resolver calls it before doing anything, so none of them is evaluated. Fields are
 * counted by response key, as GraphQL executes them (two `login` under one key run once).
 */
export function requireOneSignIn(info: GraphQLResolveInfo): void {
  const keys = new Set<string>();
  const visited = new Set<string>();
  const collect = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (SIGN_IN_FIELDS.includes(selection.name.value)) keys.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(info.operation.selectionSet);
  if (keys.size > 1) throw new DomainError('BAD_USER_INPUT', `At most one of ${SIGN_IN_FIELDS.join(', ')} per request`);
}
