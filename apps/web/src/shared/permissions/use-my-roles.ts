import { useQuery } from '@apollo/client/react';
import type { GroupRole } from '../../gql/graphql';
import { MyRolesQuery } from './queries';

export interface MyRoles {
  meId: string;
  secretariat: boolean;
  /** An initiative OBSERVER: reads everything, changes nothing. */
  observer: boolean;
  /** The caller's role in the group asked about, null when none (or no group was asked about). */
  group: GroupRole | null;
}

/**
 * The caller's roles in the initiative `slug` and in group `groupId` (when given), or null while
 * they load (or when they could not be read: the page then shows no action, which is the safe side).
 */
export function useMyRoles(slug: string | undefined, groupId: string | null | undefined): MyRoles | null {
  const { data } = useQuery(MyRolesQuery, {
    variables: { slug: slug ?? '', groupId: groupId ?? '', inGroup: Boolean(groupId) },
    skip: !slug,
  });
  if (!data?.initiative) return null;
  const meId = data.me.id;
  const has = (edges: { node: { person: { id: string } } }[]) => edges.some((e) => e.node.person.id === meId);
  const groupRole = data.workingGroup?.members.edges.find((e) => e.node.person.id === meId)?.node.role ?? null;
  return {
    meId,
    secretariat: has(data.initiative.secretariat.edges),
    observer: has(data.initiative.observers.edges),
    group: groupRole,
  };
}

/** Chairs and vice-chairs of the group. */
export const isChairOrVice = (roles: MyRoles | null) => roles?.group === 'CHAIR' || roles?.group === 'VICE_CHAIR';
