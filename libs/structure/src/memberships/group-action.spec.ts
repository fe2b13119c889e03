import { GroupRole } from '@app/identity';
import { groupAction } from './memberships.service';

describe('groupAction: which policy action a group membership change needs', () => {
  const R = GroupRole;
  it.each([
    [R.MEMBER, null, 'group.manageMembers'],
    [R.OBSERVER, null, 'group.manageMembers'],
    [R.MEMBER, R.OBSERVER, 'group.manageMembers'],
    [null, R.MEMBER, 'group.manageMembers'],
    [R.CHAIR, null, 'group.manageChairs'],
    [R.VICE_CHAIR, R.MEMBER, 'group.manageChairs'],
    [R.MEMBER, R.VICE_CHAIR, 'group.manageChairs'],
    [null, R.CHAIR, 'group.manageChairs'],
  ])('new role %s, current role %s -> %s', (next, current, action) => {
    expect(groupAction(next, current)).toBe(action);
  });
});
