import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, type DiscussionNotice, LoaderRegistry, type OutboxEvent, type Queryable } from '@app/platform';
import { initiativeLoader, workingGroupLoader } from '@app/structure';
import { type NotificationDetails, renderNotification } from '../delivery/notification-text';
import { type EventNotification, NotificationsRepository } from './notifications.repository';

/** The details a discussion notification stores (its texts are rebuilt from them). */
export function discussionDetails(
  notice: DiscussionNotice,
  names: { initiativeName: string; groupName: string | null },
  publicUrl: string,
): NotificationDetails {
  return {
    ...names,
    subjectTitle: notice.documentTitle,
    link: `${publicUrl}/${notice.path}`,
    discussion: {
      event: notice.event,
      documentId: notice.documentId,
      paragraph: notice.paragraph,
      versionNumber: notice.versionNumber,
      resolution: notice.resolution,
    },
  };
}

/**
 * Records the notifications of discussions (AMENDMENT_PROPOSED, AMENDMENT_RESOLVED,
 * COMMENT_REPLY) from their outbox rows (TOPICS.discussionNotice), inside the drain's
 * transaction: one per recipient and event, once (the event id is part of the unique key).
 * Returns the new notifications' ids, to e-mail after commit to those who want IMMEDIATE e-mail;
 * DAILY_DIGEST people get them in their digest, one line per document and kind.
 */
@Injectable()
export class DiscussionNotifications {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly config: AppConfig,
  ) {}

  async record(events: OutboxEvent[], m: Queryable): Promise<string[]> {
    if (!events.length) return [];
    const notices = events.map((e) => ({ event: e, notice: e.payload as unknown as DiscussionNotice }));
    const loaders = new LoaderRegistry();
    const initiatives = await initiativeLoader(loaders, this.dataSource).loadMany([
      ...new Set(notices.map((n) => n.notice.initiativeId)),
    ]);
    const groupIds = [...new Set(notices.flatMap((n) => (n.notice.workingGroupId ? [n.notice.workingGroupId] : [])))];
    const groups = groupIds.length ? await workingGroupLoader(loaders, this.dataSource).loadMany(groupIds) : [];
    const initiativeName = new Map(initiatives.flatMap((i) => (i && !(i instanceof Error) ? [[i.id, i.name] as const] : [])));
    const groupName = new Map(groups.flatMap((g) => (g && !(g instanceof Error) ? [[g.id, g.name] as const] : [])));
    const rows: EventNotification[] = notices.flatMap(({ event, notice }) => {
      const name = initiativeName.get(notice.initiativeId);
      if (!name) return [];
      const details = discussionDetails(
        notice,
        { initiativeName: name, groupName: notice.workingGroupId ? (groupName.get(notice.workingGroupId) ?? null) : null },
        this.config.publicUrl,
      );
      // Stored in English and French; e-mails are rendered again in the recipient's zone.
      const { title, body } = renderNotification(notice.kind, details, 'UTC');
      return notice.recipientIds.map((personId) => ({
        personId,
        kind: notice.kind,
        subjectId: event.subjectId,
        initiativeId: notice.initiativeId,
        title,
        body,
        details,
        eventId: event.id,
      }));
    });
    if (!rows.length) return [];
    return (await this.notifications.insertEvents(rows, m)).map((r) => r.id);
  }
}
