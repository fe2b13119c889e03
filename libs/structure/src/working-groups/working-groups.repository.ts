import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows } from '@app/platform';
import { WORKING_GROUP_COLUMNS, type WorkingGroupModel } from './working-group.model';

/** What a new working group is made of; it starts ACTIVE. */
export interface NewWorkingGroup {
  initiativeId: string;
  code: string;
  name: string;
  mandate: string;
}

/** working_group: a group of an initiative, its code unique within the initiative. */
@Injectable()
export class WorkingGroupsRepository {
  constructor(private readonly dataSource: DataSource) {}

  byId(id: string, db: Queryable = this.dataSource): Promise<WorkingGroupModel | null> {
    return one<WorkingGroupModel>(db, `SELECT ${WORKING_GROUP_COLUMNS} FROM working_group WHERE id = $1`, [id]);
  }

  byIds(ids: readonly string[], db: Queryable = this.dataSource): Promise<WorkingGroupModel[]> {
    return rows<WorkingGroupModel>(db, `SELECT ${WORKING_GROUP_COLUMNS} FROM working_group WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** The groups of these initiatives, by code. */
  ofInitiatives(initiativeIds: readonly string[], db: Queryable = this.dataSource): Promise<WorkingGroupModel[]> {
    return rows<WorkingGroupModel>(
      db,
      `SELECT ${WORKING_GROUP_COLUMNS} FROM working_group WHERE initiative_id = ANY($1::uuid[]) ORDER BY code`,
      [initiativeIds],
    );
  }

  /** The new group, or null when its code is taken in the initiative. */
  insert(group: NewWorkingGroup, db: Queryable = this.dataSource): Promise<WorkingGroupModel | null> {
    return one<WorkingGroupModel>(
      db,
      `INSERT INTO working_group (initiative_id, code, name, mandate, status) VALUES ($1, $2, $3, $4, 'ACTIVE')
       ON CONFLICT (initiative_id, code) DO NOTHING RETURNING ${WORKING_GROUP_COLUMNS}`,
      [group.initiativeId, group.code, group.name, group.mandate],
    );
  }
}
