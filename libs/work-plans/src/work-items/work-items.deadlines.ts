import { Injectable } from '@nestjs/common';
import { contributorKey, InitiativesReader, MembershipsReader, WorkingGroupsReader } from '@app/structure';
import {
  type CalendarDeadline,
  type DeadlinePage,
  type DeadlineDetails,
  type DeadlineSource,
  ProvidesDeadlines,
  type Queryable,
  type RecipientFacts,
  TOPICS,
  type WorkItemDeadline,
} from '@app/platform';

import { WorkItemDeadlinesRepository } from './work-item-deadlines.repository';

/**
 * Work items as deadline subjects of reminders (`DeadlineSource`): an item's due date, its owner
 * and the chairs of its working group. The group's facts come from structure's readers, in the
 * same transaction.
 */
@ProvidesDeadlines()
@Injectable()
export class WorkItemDeadlines implements DeadlineSource<WorkItemDeadline> {
  readonly type = 'WORK_ITEM';
  readonly topics = [TOPICS.workItemCreated, TOPICS.workItemChanged, TOPICS.workItemRemoved];

  constructor(
    private readonly repository: WorkItemDeadlinesRepository,
    private readonly groups: WorkingGroupsReader,
    private readonly initiatives: InitiativesReader,
    private readonly memberships: MembershipsReader,
  ) {}

  /** The items and their groups' initiatives: two statements. */
  async subjects(db: Queryable, ids: string[]): Promise<Map<string, WorkItemDeadline>> {
    if (!ids.length) return new Map();
    const items = await this.repository.items(ids, db);
    const groups = await this.groups.byIds(
      items.map((i) => i.groupId),
      db,
    );
    return new Map(
      items.flatMap(({ id, groupId, ownerId, dueAt, open }) => {
        const group = groups.get(groupId);
        return group ? [[id, { type: 'WORK_ITEM', id, initiativeId: group.initiativeId, ownerId, dueAt, open }] as const] : [];
      }),
    );
  }

  /** The owner (and whether they are still a non-observer member of the item's group) and the group's chairs: three statements. */
  async recipients(db: Queryable, ids: string[]): Promise<Map<string, RecipientFacts>> {
    const facts = new Map<string, RecipientFacts>();
    if (!ids.length) return facts;
    // One after the other: inside a transaction they share one connection.
    const items = await this.repository.items(ids, db);
    const owned = items.flatMap((i) => (i.ownerId ? [{ groupId: i.groupId, personId: i.ownerId }] : []));
    const contributors = await this.memberships.contributors(owned, db);
    const chairs = await this.memberships.chairIds(
      items.map((i) => i.groupId),
      db,
    );
    for (const r of items) {
      const ownerInGroup = !!r.ownerId && contributors.has(contributorKey({ groupId: r.groupId, personId: r.ownerId }));
      facts.set(r.id, { ownerId: r.ownerId, ownerInGroup, chairIds: chairs.get(r.groupId) ?? [] });
    }
    return facts;
  }

  /** Titles and due dates, with the names of their initiatives and groups: three statements. */
  async details(db: Queryable, ids: string[]): Promise<Map<string, DeadlineDetails>> {
    if (!ids.length) return new Map();
    const items = await this.repository.items(ids, db);
    const named = await this.whereOf(items, db);
    return new Map(
      items.flatMap(({ id, groupId, title, dueAt }) => {
        const where = named.get(groupId);
        if (!where) return [];
        const details: DeadlineDetails = {
          initiativeName: where.initiativeName,
          groupName: where.groupName,
          subjectTitle: title,
          deadline: dueAt,
          path: `work-items/${id}`,
        };
        return [[id, details] as const];
      }),
    );
  }

  async openOfInitiative(db: Queryable, initiativeId: string): Promise<string[]> {
    const groups = await this.groups.ofInitiative(initiativeId, db);
    return groups.length
      ? this.repository.openOfGroups(
          groups.map((g) => g.id),
          db,
        )
      : [];
  }

  openPage(db: Queryable, page: DeadlinePage): Promise<{ id: string; deadline: Date }[]> {
    return this.repository.openPage(page, db);
  }

  /** Open items with a due date that the person owns or whose group they chair. */
  async calendarOf(db: Queryable, personId: string): Promise<CalendarDeadline[]> {
    const chaired = await this.memberships.groupsChairedBy(personId, db);
    const items = await this.repository.ownedOrOfGroups(personId, chaired, db);
    const named = await this.whereOf(items, db);
    return items.flatMap(({ id, groupId, title, dueAt }) => {
      const where = named.get(groupId);
      if (!where || !dueAt) return [];
      return [{ id, at: dueAt, title, where: `${where.initiativeName} / ${where.groupName}`, path: `work-items/${id}` }];
    });
  }

  /** The names of the items' groups ("<code> <name>") and of their initiatives, by group id. */
  private async whereOf(
    items: readonly { groupId: string }[],
    db: Queryable,
  ): Promise<Map<string, { initiativeName: string; groupName: string }>> {
    const groups = await this.groups.byIds(
      items.map((i) => i.groupId),
      db,
    );
    const initiatives = await this.initiatives.byIds(
      [...groups.values()].map((g) => g.initiativeId),
      db,
    );
    const named = new Map<string, { initiativeName: string; groupName: string }>();
    for (const g of groups.values()) {
      const initiative = initiatives.get(g.initiativeId);
      if (initiative) named.set(g.id, { initiativeName: initiative.name, groupName: `${g.code} ${g.name}` });
    }
    return named;
  }
}
