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
}
