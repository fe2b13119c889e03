import { Injectable } from '@nestjs/common';
import { NotFoundError, type Queryable } from '@app/platform';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { type NewPerson, PeopleRepository, type PersonWithAccount } from './people.repository';

/**
 * People as other domains create and find them, inside their own authorised use case and
 * transaction (`m`); so these methods do not authorise.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  /**
   * The person with this e-mail: created from `person` when there is none (`existing` false),
   * else as they are (their own profile and password kept). NOT_FOUND for an unknown organisation.
   */
  async findOrCreate(person: NewPerson, m: Queryable): Promise<{ person: PersonWithAccount; existing: boolean }> {
    if (person.organizationId && !(await this.organizations.exists(person.organizationId, m))) {
      throw new NotFoundError('Organization', person.organizationId);
    }
    const created = await this.people.insertIfNew(person, m);
    if (created) return { person: created, existing: false };
    return { person: (await this.people.byEmail(person.email, m))!, existing: true };
  }

  exists(personId: string, m?: Queryable): Promise<boolean> {
    return this.people.exists(personId, m);
  }
}
