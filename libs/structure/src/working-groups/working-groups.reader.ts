import { Injectable } from '@nestjs/common';
import { isUuid, type Queryable } from '@app/platform';
import type { WorkingGroupModel } from './working-group.model';
import { WorkingGroupsRepository } from './working-groups.repository';

/**
 * How other domains read a working group (its initiative, code and name) without knowing its
 * table. No authorisation here: the caller's service has authorised its own use case.
 */
@Injectable()
export class WorkingGroupsReader {
  constructor(private readonly groups: WorkingGroupsRepository) {}

  /** The group, or null when the id is malformed or unknown. */
  workingGroup(id: string, db?: Queryable): Promise<WorkingGroupModel | null> {
    return isUuid(id) ? this.groups.byId(id, db) : Promise.resolve(null);
  }

  /** The groups, by id (unknown and malformed ids are left out). */
  async byIds(ids: readonly string[], db?: Queryable): Promise<Map<string, WorkingGroupModel>> {
    const valid = [...new Set(ids.filter(isUuid))];
    const found = valid.length ? await this.groups.byIds(valid, db) : [];
    return new Map(found.map((g) => [g.id, g]));
  }

  /** The initiative's groups, ordered by code (none when the id is malformed). */
  ofInitiative(initiativeId: string, db?: Queryable): Promise<WorkingGroupModel[]> {
    return isUuid(initiativeId) ? this.groups.ofInitiatives([initiativeId], db) : Promise.resolve([]);
  }
}
