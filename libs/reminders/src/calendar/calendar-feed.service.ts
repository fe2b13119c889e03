import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeopleReader } from '@app/identity';
import { AppConfig, type Caller, type DeadlineSubjectType, isUuid, UnauthenticatedError } from '@app/platform';
import { DeadlineSources } from '../deadlines/deadline-sources';
import { derivedKey } from '../derived-key';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { feedSecret, feedSecretMatches, feedUrl } from './feed-secret';
import { type CalendarEvent, renderCalendar } from './ical';

/** How each type of deadline appears in a calendar: its uid prefix and the start of its summary. */
const EVENT_OF: Record<DeadlineSubjectType, { uid: string; summary: string }> = {
  WORK_ITEM: { uid: 'work-item', summary: 'Due: ' },
  BALLOT: { uid: 'ballot', summary: 'Ballot closes: ' },
  MEETING: { uid: 'meeting', summary: '' },
};

/**
 * The caller's secret iCalendar feed: due dates of open items they own or whose group they
 * chair, closing times of ballots they may vote in, and the sessions of the meetings they are
 * invited to (with the UIDs of their invitations; a cancelled meeting's as STATUS:CANCELLED, so a
 * calendar that showed them strikes them out). The secret is an HMAC of the person id
 * and notification_preferences.feed_version under a key of the feed's own, so nothing secret is stored and
 * rotating invalidates the old URL.
 */
@Injectable()
export class CalendarFeedService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly recipients: RecipientsRepository,
    private readonly people: PeopleReader,
    private readonly sources: DeadlineSources,
  ) {
    this.key = derivedKey(config.JWT_SECRET, 'calendar-feed');
  }

  async url(caller: Caller | null): Promise<string> {
    if (!caller) throw new UnauthenticatedError();
    const version = await this.recipients.feedVersion(caller.personId);
    return this.urlFor(caller.personId, version);
  }

  async rotate(caller: Caller | null): Promise<string> {
    if (!caller) throw new UnauthenticatedError();
    const version = await this.recipients.rotateFeed(caller.personId);
    if (version === null) throw new UnauthenticatedError();
    return this.urlFor(caller.personId, version);
  }

  private urlFor(personId: string, version: number): string {
    return feedUrl(this.config.publicUrl, personId, feedSecret(this.key, personId, version));
  }

  /** The feed text, or null for an unknown person or a wrong (e.g. rotated) secret. */
  async feed(personId: string, secret: string): Promise<string | null> {
    if (!isUuid(personId)) return null;
    const version = await this.recipients.feedVersion(personId);
    if (!feedSecretMatches(this.key, personId, version, secret)) return null;
    const [owner] = await this.people.byIds([personId]);
    if (!owner) return null;
    const events: CalendarEvent[] = [];
    for (const source of this.sources.all()) {
      const { uid, summary } = EVENT_OF[source.type];
      for (const d of await source.calendarOf(this.dataSource, personId)) {
        events.push({
          uid: d.uid ?? `${uid}-${d.id}@wgcollab`,
          start: d.at,
          end: d.endsAt,
          summary: summary + d.title,
          description: d.where,
          location: d.location ?? undefined,
          cancelled: d.cancelled,
          url: `${this.config.publicUrl}/${d.path}`,
        });
      }
    }
    // By time, then uid: the order the feed always had.
    events.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
    return renderCalendar(`Deadlines of ${owner.name}`, events);
  }
}
