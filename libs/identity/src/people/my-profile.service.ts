import { Injectable } from '@nestjs/common';
import { type Caller, InvalidInputError, UnauthenticatedError } from '@app/platform';
import { AccessPolicy } from '../access/access-policy.service';
import { isTimeZone } from '../time-zones';
import type { PersonModel } from './person.model';
import { PeopleRepository } from './people.repository';

/** What a signed-in person changes in their own profile. */
@Injectable()
export class MyProfileService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly people: PeopleRepository,
  ) {}

  /** The zone every time is shown in for this person (their e-mails, the web client). */
  async setTimeZone(caller: Caller | null, timeZone: string): Promise<PersonModel> {
    const { personId } = this.policy.requireCaller(caller);
    if (!isTimeZone(timeZone)) throw InvalidInputError.field('timeZone', 'must be an IANA time zone such as Europe/Zurich');
    const person = await this.people.setTimeZone(personId, timeZone);
    if (!person) throw new UnauthenticatedError();
    return person;
  }
}
