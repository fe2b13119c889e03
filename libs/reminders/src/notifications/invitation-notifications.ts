import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LoaderRegistry, type OutboxEvent, type Queryable } from '@app/platform';
import { initiativeLoader } from '@app/structure';
import { type InvitationNotification, NotificationsRepository } from './notifications.repository';

/** The payload of TOPICS.invitationCreated (the subject is the invitation). */
interface InvitationCreated {
  personId: string;
  initiativeId: string;
}

/** The INVITATION notification of an invitation to an initiative (identity e-mails the link itself). */
export function invitationNotification(
  personId: string,
  initiative: { id: string; name: string },
  at: Date,
): InvitationNotification {
  return {
    personId,
    initiativeId: initiative.id,
    title: `Invitation to ${initiative.name}`,
    body: `You have been registered in ${initiative.name}. Check your e-mail for the link to choose your password.`,
    details: { initiativeName: initiative.name },
    at,
  };
}

/**
 * Records the INVITATION notifications of invitations issued by identity, from their outbox
 * rows (TOPICS.invitationCreated), inside the drain's transaction: stored as already e-mailed,
 * once per person and initiative (the notification's unique key).
 */
@Injectable()
export class InvitationNotifications {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
  ) {}

  async record(events: OutboxEvent[], m: Queryable): Promise<void> {
    if (!events.length) return;
    const invitations = events.map((e) => ({ ...(e.payload as unknown as InvitationCreated), at: e.createdAt }));
    const initiatives = await initiativeLoader(new LoaderRegistry(), this.dataSource).loadMany([
      ...new Set(invitations.map((i) => i.initiativeId)),
    ]);
    const byId = new Map(initiatives.flatMap((n) => (n && !(n instanceof Error) ? [[n.id, n] as const] : [])));
    const rows = invitations.flatMap((i) => {
      const initiative = byId.get(i.initiativeId);
      return initiative ? [invitationNotification(i.personId, initiative, i.at)] : [];
    });
    if (rows.length) await this.notifications.insertInvitations(rows, m);
  }
}
