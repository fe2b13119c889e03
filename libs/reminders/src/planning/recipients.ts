import type { ReminderKind } from './reminder-plan';

/** What decides who receives a reminder, read from PostgreSQL when the reminder fires. */
export interface RecipientFacts {
  /** The item's owner, if any. */
  ownerId?: string | null;
  /** Whether the owner still belongs to the item's working group. */
  ownerInGroup?: boolean;
  /** CHAIR and VICE_CHAIR of the item's working group. */
  chairIds?: string[];
  /** The ballot's electorate. */
  electorIds?: string[];
  /** Electors with a current vote. */
  voterIds?: string[];
}

/**
 * Recipients by kind: WORK_ITEM_DUE to the owner (the chairs when there is no owner; nobody
 * when the owner has left the group); WORK_ITEM_OVERDUE to the owner and the chairs;
 * BALLOT_OPENED and BALLOT_CLOSED to the electorate; BALLOT_CLOSING to electors who have not
 * voted.
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
    case 'BALLOT_CLOSING': {
      const voted = new Set(facts.voterIds ?? []);
      ids = electors.filter((id) => !voted.has(id));
      break;
    }
  }
  return [...new Set(ids)];
}
