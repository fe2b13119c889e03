import { Injectable } from '@nestjs/common';
import {
  type Caller,
  type ConnectionShape,
  InvalidInputError,
  isUuid,
  type PageRequest,
  toConnection,
  UnauthenticatedError,
} from '@app/platform';
import type { EmailMode } from '../graphql-enums';
import { RecipientsRepository } from '../recipients/recipients.repository';
import type { NotificationModel, NotificationPreferencesModel } from './notification.model';
import { NotificationsRepository } from './notifications.repository';

/** Most notification ids one markNotificationsRead call may name (a page is at most 200). */
const MAX_IDS_PER_CALL = 1000;

function requireCaller(caller: Caller | null): string {
  if (!caller) throw new UnauthenticatedError();
  return caller.personId;
}

/** The caller's own notifications (newest first) and e-mail preference. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  async mine(caller: Caller | null, unreadOnly: boolean, page: PageRequest): Promise<ConnectionShape<NotificationModel>> {
    const personId = requireCaller(caller);
    let after: [string, string] | null = null;
    if (page.after) {
      const [at, id] = page.after;
      if (typeof at !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(at))) {
        throw InvalidInputError.field('after', 'is not a cursor returned by this API');
      }
      after = [at, id];
    }
    const rows = await this.notifications.page(personId, { unreadOnly, limit: page.limit + 1, after });
    const total = await this.notifications.count(personId, unreadOnly);
    return toConnection(rows, page, (r) => [r.cursorAt, r.id], total);
  }

  async markRead(caller: Caller | null, ids: string[]): Promise<number> {
    const personId = requireCaller(caller);
    if (ids.length > MAX_IDS_PER_CALL) throw InvalidInputError.field('ids', `at most ${MAX_IDS_PER_CALL} ids per call`);
    const valid = ids.filter(isUuid);
    if (!valid.length) return 0;
    return this.notifications.markRead(personId, valid);
  }

  async preferences(caller: Caller | null): Promise<NotificationPreferencesModel> {
    return { emailMode: await this.recipients.emailMode(requireCaller(caller)) };
  }

  async setPreferences(caller: Caller | null, emailMode: EmailMode): Promise<NotificationPreferencesModel> {
    const mode = await this.recipients.setEmailMode(requireCaller(caller), emailMode);
    if (!mode) throw new UnauthenticatedError();
    return { emailMode: mode };
  }
}
