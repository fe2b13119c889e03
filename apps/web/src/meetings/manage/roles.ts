import { useQuery } from '@apollo/client/react';
import { MeetingRolesQuery } from '../manage-queries';

export interface MeetingRoles {
  /** Still reading who the reader is: show no tools yet. */
  loading: boolean;
  isSecretariat: boolean;
  /** The working groups the reader chairs (CHAIR or VICE_CHAIR). */
  chairedGroupIds: string[];
  groups: { id: string; code: string; name: string }[];
  initiativeZone: string | null;
  /** Whether the reader may schedule and run a meeting of this group (null: a plenary). */
  mayManage: (groupId: string | null | undefined) => boolean;
}

/**
 * The reader's say over the initiative's meetings, as the access policy grants it: SECRETARIAT any
 * meeting, a group's CHAIR or VICE_CHAIR their group's. Observers and members get no tools.
 */
export function useMeetingRoles(slug: string | undefined): MeetingRoles {
  const { data } = useQuery(MeetingRolesQuery, { variables: { slug: slug ?? '' }, skip: !slug });
  const me = data?.me?.id;
  const initiative = data?.initiative;
  const isSecretariat = Boolean(me && initiative?.secretariat.edges.some((e) => e.node.person.id === me));
  const chairedGroupIds = initiative?.workingGroups.filter((g) => g.chairs.some((c) => c.id === me)).map((g) => g.id) ?? [];
  return {
    loading: !data,
    isSecretariat,
    chairedGroupIds,
    groups: initiative?.workingGroups.map(({ id, code, name }) => ({ id, code, name })) ?? [],
    initiativeZone: initiative?.timeZone ?? null,
    mayManage: (groupId) => isSecretariat || Boolean(groupId && chairedGroupIds.includes(groupId)),
  };
}
