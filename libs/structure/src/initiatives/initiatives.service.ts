import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@app/identity';
import { type Caller, NotFoundError } from '@app/platform';
import type { InitiativeModel } from './initiative.model';
import { InitiativesRepository } from './initiatives.repository';

@Injectable()
export class InitiativesService {
  constructor(
    private readonly initiatives: InitiativesRepository,
    private readonly policy: AccessPolicy,
  ) {}

  /** The initiatives the caller belongs to, by name. */
  async mine(caller: Caller | null): Promise<InitiativeModel[]> {
    const { personId } = this.policy.requireCaller(caller);
    return this.initiatives.ofMember(personId);
  }

  /** NOT_FOUND unless the initiative exists and the caller belongs to it. */
  async bySlug(caller: Caller | null, slug: string): Promise<InitiativeModel> {
    this.policy.requireCaller(caller);
    const row = /^[a-z0-9-]{2,40}$/.test(slug) ? await this.initiatives.bySlug(slug) : null;
    if (!row) throw new NotFoundError('Initiative', slug);
    await this.policy.authorize(caller, 'initiative.read', { initiativeId: row.id }, { kind: 'Initiative', id: slug });
    return row;
  }
}
