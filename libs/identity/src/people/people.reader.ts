import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/platform';
import { PeopleRepository } from './people.repository';
import type { PersonModel } from './person.model';

/**
 * People for other domains (name, e-mail, time zone, organisation), read in the caller's
 * transaction when it passes its `Queryable`: one statement per call, whatever the number of ids.
 */
@Injectable()
export class PeopleReader {
  constructor(private readonly people: PeopleRepository) {}

  /** The people that exist among `ids`, in no particular order. */
  async byIds(ids: readonly string[], db?: Queryable): Promise<PersonModel[]> {
    return ids.length ? this.people.byIds(ids, db) : [];
  }
}
