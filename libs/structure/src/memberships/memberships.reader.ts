import { Injectable } from '@nestjs/common';
import { isUuid, type Queryable } from '@app/platform';
import { MembershipsRepository } from './memberships.repository';

/**
 * How other domains read memberships without knowing their tables. Each method takes the
 * caller's Queryable, so that a use case reads them in its own transaction. No authorisation
 * here: the caller's service has authorised its own use case.
 */
@Injectable()
export class MembershipsReader {
  constructor(private readonly memberships: MembershipsRepository) {}

  /**
   * The person ids of a ballot's electorate: the group's CHAIR, VICE_CHAIR and MEMBERs for a
   * group's document, the initiative's MEMBERs for the initiative's own.
   */
  electorate(scope: { groupId: string } | { initiativeId: string }, db?: Queryable): Promise<string[]> {
    return 'groupId' in scope
      ? this.memberships.groupElectors(scope.groupId, db)
      : this.memberships.initiativeElectors(scope.initiativeId, db);
  }

  /** Whether the person belongs to the group in a role other than OBSERVER (who may own its work). */
  isGroupContributor(workingGroupId: string, personId: string, db?: Queryable): Promise<boolean> {
    return isUuid(workingGroupId) && isUuid(personId)
      ? this.memberships.isGroupContributor(workingGroupId, personId, db)
      : Promise.resolve(false);
  }

  /** The CHAIR and VICE_CHAIR person ids of each group (by role, then person); groups without any are absent. */
  async chairIds(workingGroupIds: readonly string[], db?: Queryable): Promise<Map<string, string[]>> {
    const valid = workingGroupIds.filter(isUuid);
    const found = valid.length ? await this.memberships.chairIdsOf(valid, db) : [];
    return new Map(found.map((r) => [r.groupId, r.chairIds]));
  }

  /** The SECRETARIAT person ids of an initiative (who may revise its own terms of reference). */
  secretariatIds(initiativeId: string, db?: Queryable): Promise<string[]> {
    return isUuid(initiativeId) ? this.memberships.secretariatIdsOf(initiativeId, db) : Promise.resolve([]);
  }

  /** Which of the (group, person) pairs are memberships other than OBSERVER, as `contributorKey`s. */
  async contributors(pairs: readonly { groupId: string; personId: string }[], db?: Queryable): Promise<Set<string>> {
    const valid = pairs.filter((p) => isUuid(p.groupId) && isUuid(p.personId));
    const found = valid.length ? await this.memberships.contributorPairs(valid, db) : [];
    return new Set(found.map(contributorKey));
  }

  /**
   * The person ids of every current member, observers included, of each initiative and group (one
   * statement); a scope without members is absent.
   */
  async memberIds(
    scopes: { initiativeIds: readonly string[]; groupIds: readonly string[] },
    db?: Queryable,
  ): Promise<Map<string, string[]>> {
    const initiativeIds = scopes.initiativeIds.filter(isUuid);
    const groupIds = scopes.groupIds.filter(isUuid);
    const found = initiativeIds.length || groupIds.length ? await this.memberships.memberIdsOf(initiativeIds, groupIds, db) : [];
    const members = new Map<string, string[]>();
    for (const { scopeId, personId } of found) {
      const list = members.get(scopeId);
      if (list) list.push(personId);
      else members.set(scopeId, [personId]);
    }
    return members;
  }

  /** The groups the person chairs (CHAIR or VICE_CHAIR). */
  groupsChairedBy(personId: string, db?: Queryable): Promise<string[]> {
    return isUuid(personId) ? this.memberships.groupsChairedBy(personId, db) : Promise.resolve([]);
  }
}

/** The key of a (group, person) pair in the set MembershipsReader.contributors() answers. */
export const contributorKey = (pair: { groupId: string; personId: string }): string => `${pair.groupId} ${pair.personId}`;
