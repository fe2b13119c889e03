import type { Caller } from '../request-context';

/**
 * What an answer depended on of the person who asked, recorded while it is computed, so the
 * response cache can give it to another person only when that person would have got the very
 * same answer.
 *
 * Two things can make an answer differ between callers: the roles the access policy decided
 * on, and anything computed from who the caller is (their vote, their notifications, their
 * name). The policy records the first (the roles it read, per scope); the second is caught by
 * the caller object itself: reading `caller.personId` anywhere but in the policy marks the
 * answer personal. That is the fail-safe: code that never heard of this cache and reads the
 * caller's id costs some sharing, never a leak.
 */
export class Audience {
  private personalAnswer = false;
  /** Scope key (see AudienceRoles) -> the roles key the policy read there. */
  readonly roles = new Map<string, string>();

  markPersonal(): void {
    this.personalAnswer = true;
  }

  get personal(): boolean {
    return this.personalAnswer;
  }

  noteRoles(scopeKey: string, rolesKey: string): void {
    const before = this.roles.get(scopeKey);
    // Roles read twice in one request with different answers (a change mid-request): no sharing.
    if (before !== undefined && before !== rolesKey) this.markPersonal();
    this.roles.set(scopeKey, rolesKey);
  }
}

const TRACKED = Symbol('tracked caller');

interface TrackedCaller extends Caller {
  readonly [TRACKED]: { personId: string; audience: Audience };
}

const isTracked = (caller: Caller): caller is TrackedCaller => TRACKED in caller;

/** The caller of a request whose answer may be shared: reading personId marks it personal. */
export function trackedCaller(caller: Caller, audience: Audience): Caller {
  const { personId } = caller;
  const tracked: TrackedCaller = {
    get personId() {
      audience.markPersonal();
      return personId;
    },
    [TRACKED]: { personId, audience },
  };
  return Object.freeze(tracked);
}

/**
 * Who the caller is, for the access policy only: it does not mark the answer personal, because
 * the policy records the roles it read instead (noteRoles).
 */
export function policyIdentity(caller: Caller): string {
  return isTracked(caller) ? caller[TRACKED].personId : caller.personId;
}

/** Records that the answer depends on the caller's roles in this scope (the access policy calls it). */
export function noteRoles(caller: Caller, scopeKey: string, rolesKey: string): void {
  if (isTracked(caller)) caller[TRACKED].audience.noteRoles(scopeKey, rolesKey);
}

/**
 * The roles key of a person in a scope, as the access policy reads it (libs/identity implements
 * it): the response cache compares them to decide whether an answer computed for someone else
 * is this caller's answer too.
 */
export abstract class AudienceRoles {
  abstract rolesKey(personId: string, scopeKey: string): Promise<string>;
}
