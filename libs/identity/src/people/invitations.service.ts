import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig, MailService, TOPICS, writeOutbox } from '@app/platform';
import { sha256 } from '../auth/auth.service';
import { InvitationsRepository } from './invitations.repository';

/** Days an invitation link stays valid. */
export const INVITATION_DAYS = 7;

/**
 * Stores a new one-time invitation in the given transaction (only the sha256 of the token)
 * and returns the token, which is shown once. Usable without Nest (CLI bootstrap). The
 * outbox row, in the same transaction, gives the invitee their INVITATION notification.
 */
export async function issueInvitation(m: EntityManager, personId: string, initiativeId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const invitations = new InvitationsRepository(m.connection);
  const id = await invitations.insert({ personId, initiativeId, tokenHash: sha256(token), days: INVITATION_DAYS }, m);
  await writeOutbox(m, TOPICS.invitationCreated, id, { personId, initiativeId });
  return token;
}

/** The link an invitee opens: the web client's page `${PUBLIC_URL}/invitation/<token>` (contract/ui.md). */
export const invitationLink = (config: Pick<AppConfig, 'publicUrl'>, token: string): string =>
  `${config.publicUrl}/invitation/${encodeURIComponent(token)}`;

/** One-time invitation links: only the sha256 of the token is stored. */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly invitations: InvitationsRepository,
  ) {}

  /** Stores a new invitation in the caller's transaction; returns the token (shown once). */
  issue(m: EntityManager, personId: string, initiativeId: string): Promise<string> {
    return issueInvitation(m, personId, initiativeId);
  }

  /** Deletes the person's unused invitations to the initiative (they left it). */
  withdraw(m: EntityManager, initiativeId: string, personId: string): Promise<void> {
    return this.invitations.withdraw(initiativeId, personId, m);
  }

  link(token: string): string {
    return invitationLink(this.config, token);
  }

  /**
   * Sends the invitation e-mail (after the transaction committed); a failure is logged, not
   * thrown. Someone who already has an account (`hasAccount`) is told to confirm with it: the
   * link signs them in with their own password, and never sets another one.
   */
  async send(to: { email: string; name: string; hasAccount?: boolean }, initiativeName: string, token: string): Promise<void> {
    const link = this.link(token);
    const how = to.hasAccount
      ? `Sign in with your existing account, or confirm with your current password at this one-time link (valid for ${INVITATION_DAYS} days):`
      : `Choose your password with this one-time link (valid for ${INVITATION_DAYS} days):`;
    try {
      await this.mail.send({
        to: to.email,
        subject: `Invitation to ${initiativeName}`,
        text: `Hello ${to.name},\n\nYou have been registered in ${initiativeName}. ${how}\n\n${link}\n`,
      });
    } catch (error) {
      this.logger.error(`Could not send the invitation to ${to.email}: ${(error as Error).message}`);
    }
  }
}
