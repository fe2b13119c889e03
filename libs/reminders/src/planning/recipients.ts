import type { RecipientFacts } from '@app/platform';
import type { ReminderKind } from './reminder-plan';

/**
 * Recipients by kind: WORK_ITEM_DUE to the owner (the chairs when there is no owner; nobody
 * when the owner has left the group); WORK_ITEM_OVERDUE to the owner and the chairs;
 * BALLOT_OPENED and BALLOT_CLOSED to the electorate; BALLOT_CLOSING to electors who have not
 * voted; MEETING_UPCOMING to the meeting's invitees; MINUTES_MISSING to its group's chairs (the
 * SECRETARIAT for a plenary).
 */
export function recipientsFor(kind: ReminderKind, facts: RecipientFacts): string[] {
  const owner = facts.ownerId && facts.ownerInGroup ? [facts.ownerId] : [];
  const chairs = facts.chairIds ?? [];
  const electors = facts.electorIds ?? [];
  let ids: string[];
  switch (kind) {
    case 'WORK_ITEM_DUE':
      ids = facts.ownerId ? owner : chairs;
      break;
    case 'WORK_ITEM_OVERDUE':
      ids = [...owner, ...chairs];
      break;
    case 'BALLOT_OPENED':
    case 'BALLOT_CLOSED':
      ids = electors;
      break;
    case 'MEETING_UPCOMING':
      ids = facts.inviteeIds ?? [];
      break;
    case 'MINUTES_MISSING':
      ids = facts.minutesOwnerIds ?? [];
      break;
    case 'BALLOT_CLOSING': {
      const voted = new Set(facts.voterIds ?? []);
      ids = electors.filter((id) => !voted.has(id));
      break;
    }
  }
  return [...new Set(ids)];
}
