import { recipientsFor } from './recipients';

describe('recipientsFor', () => {
  const chairs = ['c1', 'c2'];
  it('sends WORK_ITEM_DUE to the owner, or to the chairs when there is none', () => {
    expect(recipientsFor('WORK_ITEM_DUE', { ownerId: 'o', ownerInGroup: true, chairIds: chairs })).toEqual(['o']);
    expect(recipientsFor('WORK_ITEM_DUE', { ownerId: null, chairIds: chairs })).toEqual(chairs);
  });
  it('sends nothing to an owner who left the group', () => {
    expect(recipientsFor('WORK_ITEM_DUE', { ownerId: 'o', ownerInGroup: false, chairIds: chairs })).toEqual([]);
    expect(recipientsFor('WORK_ITEM_OVERDUE', { ownerId: 'o', ownerInGroup: false, chairIds: chairs })).toEqual(chairs);
  });
  it('sends WORK_ITEM_OVERDUE to the owner and the chairs, once each', () => {
    expect(recipientsFor('WORK_ITEM_OVERDUE', { ownerId: 'c1', ownerInGroup: true, chairIds: chairs })).toEqual(['c1', 'c2']);
  });
  it('sends BALLOT_CLOSING only to electors who have not voted', () => {
    expect(recipientsFor('BALLOT_CLOSING', { electorIds: ['a', 'b', 'c'], voterIds: ['b'] })).toEqual(['a', 'c']);
    expect(recipientsFor('BALLOT_OPENED', { electorIds: ['a', 'b'], voterIds: ['b'] })).toEqual(['a', 'b']);
    expect(recipientsFor('BALLOT_CLOSED', { electorIds: ['a'] })).toEqual(['a']);
  });
});
