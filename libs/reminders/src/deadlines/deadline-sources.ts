import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  type DeadlineDetails,
  type DeadlineSource,
  type DeadlineSubject,
  type DeadlineSubjectType,
  type Invitation,
  ProvidesDeadlines,
  type Queryable,
  type RecipientFacts,
} from '@app/platform';

/** A deadline-bearing subject, by type and id. */
export interface SubjectRef {
  type: DeadlineSubjectType;
  id: string;
}

interface Registry {
  byType: Map<DeadlineSubjectType, DeadlineSource>;
  byTopic: Map<string, DeadlineSubjectType>;
}

/**
 * Every `DeadlineSource` of the process (the providers marked `@ProvidesDeadlines()` by the
 * domains), and batch reads across them: each call asks each source once for all its ids, one
 * source after the other (inside a transaction they share one connection).
 */
@Injectable()
export class DeadlineSources {
  /** Found on first use, not at init: BullMQ workers may take a job before this provider's init hook ran. */
  private found: Registry | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  all(): DeadlineSource[] {
    return [...this.registry().byType.values()];
  }

  /** Whether a source of that type is in this process. */
  has(type: DeadlineSubjectType): boolean {
    return this.registry().byType.has(type);
  }

  /** The type of subject an outbox topic is about, if a source claims that topic. */
  typeOfTopic(topic: string): DeadlineSubjectType | null {
    return this.registry().byTopic.get(topic) ?? null;
  }

  /** Current state of the subjects, by id; subjects that no longer exist are absent. */
  subjects(db: Queryable, refs: SubjectRef[]): Promise<Map<string, DeadlineSubject>> {
    return this.collect(refs, (source, ids) => source.subjects(db, ids));
  }

  /** Who may receive reminders of the subjects now, by id. */
  recipients(db: Queryable, refs: SubjectRef[]): Promise<Map<string, RecipientFacts>> {
    return this.collect(refs, (source, ids) => source.recipients(db, ids));
  }

  /** Names and deadlines of the subjects, by id. */
  details(db: Queryable, refs: SubjectRef[]): Promise<Map<string, DeadlineDetails>> {
    return this.collect(refs, (source, ids) => source.details(db, ids));
  }

  /** The invitations of the subjects whose source has invitees (meetings), by id. */
  invitations(db: Queryable, refs: SubjectRef[]): Promise<Map<string, Invitation>> {
    return this.collect(refs, (source, ids) => source.invitations?.(db, ids) ?? Promise.resolve(new Map()));
  }

  private async collect<T>(
    refs: SubjectRef[],
    read: (source: DeadlineSource, ids: string[]) => Promise<Map<string, T>>,
  ): Promise<Map<string, T>> {
    const idsByType = new Map<DeadlineSubjectType, Set<string>>();
    for (const ref of refs) {
      const ids = idsByType.get(ref.type) ?? new Set<string>();
      idsByType.set(ref.type, ids.add(ref.id));
    }
    const found = new Map<string, T>();
    for (const [type, ids] of idsByType) {
      for (const [id, value] of await read(this.of(type), [...ids])) found.set(id, value);
    }
    return found;
  }

  private of(type: DeadlineSubjectType): DeadlineSource {
    const source = this.registry().byType.get(type);
    if (!source) throw new Error(`No DeadlineSource for ${type} in this process: list it in its library's module`);
    return source;
  }

  private registry(): Registry {
    if (this.found) return this.found;
    const byType = new Map<DeadlineSubjectType, DeadlineSource>();
    const byTopic = new Map<string, DeadlineSubjectType>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: ProvidesDeadlines.KEY })) {
      const source = wrapper.instance as DeadlineSource | undefined;
      if (!source) continue;
      byType.set(source.type, source);
      for (const topic of source.topics) byTopic.set(topic, source.type);
    }
    this.found = { byType, byTopic };
    return this.found;
  }
}
