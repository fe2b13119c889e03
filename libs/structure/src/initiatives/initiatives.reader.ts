import { Injectable } from '@nestjs/common';
import { isUuid, type Queryable } from '@app/platform';
import type { InitiativeModel } from './initiative.model';
import { InitiativesRepository } from './initiatives.repository';

/**
 * How other domains read initiatives (their names, time zones) without knowing their table. No
 * authorisation here: the caller's service has authorised its own use case.
 */
@Injectable()
export class InitiativesReader {
  constructor(private readonly initiatives: InitiativesRepository) {}

  /** The initiatives, by id (unknown and malformed ids are left out). */
  async byIds(ids: readonly string[], db?: Queryable): Promise<Map<string, InitiativeModel>> {
    const valid = [...new Set(ids.filter(isUuid))];
    const found = valid.length ? await this.initiatives.byIds(valid, db) : [];
    return new Map(found.map((i) => [i.id, i]));
  }
}
