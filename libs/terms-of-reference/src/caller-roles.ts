import { type AccessPolicy, type Roles } from '@app/identity';
import type { RequestContext } from '@app/platform';

const NO_ROLES: Roles = { initiative: null, group: null };

/** The caller's initiative-level roles, cached per request and initiative. */
export function callerRoles(ctx: RequestContext, policy: AccessPolicy, initiativeId: string): Promise<Roles> {
  const personId = ctx.caller?.personId;
  if (!personId) return Promise.resolve(NO_ROLES);
  return ctx.loaders
    .get<string, Roles>('tor.callerRoles', (ids) => Promise.all(ids.map((id) => policy.rolesOf(personId, { initiativeId: id }))))
    .load(initiativeId);
}
