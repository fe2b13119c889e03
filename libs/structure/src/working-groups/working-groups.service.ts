import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '@app/identity';
import { type Caller, ConflictError, isUuid, NotFoundError } from '@app/platform';
import type { CreateWorkingGroupInput } from './dto/create-working-group.input';
import { WORKING_GROUP_COLUMNS, type WorkingGroupModel } from './working-group.model';

@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
  ) {}

  /** NOT_FOUND unless the group exists and the caller belongs to its initiative. */
  async byId(caller: Caller | null, id: string): Promise<WorkingGroupModel> {
    this.policy.requireCaller(caller);
    const [row] = isUuid(id)
      ? ((await this.dataSource.query(`SELECT ${WORKING_GROUP_COLUMNS} FROM working_group WHERE id = $1`, [
          id,
        ])) as WorkingGroupModel[])
      : [];
    if (!row) throw new NotFoundError('Working group', id);
    await this.policy.authorize(
      caller,
      'initiative.read',
      { initiativeId: row.initiativeId, groupId: id },
      { kind: 'Working group', id },
    );
    return row;
  }

  /** SECRETARIAT; CONFLICT on a duplicate code within the initiative. */
  async create(caller: Caller | null, input: CreateWorkingGroupInput): Promise<WorkingGroupModel> {
    this.policy.requireCaller(caller);
    if (!isUuid(input.initiativeId)) throw new NotFoundError('Initiative', input.initiativeId);
    await this.policy.authorize(
      caller,
      'initiative.createGroup',
      { initiativeId: input.initiativeId },
      {
        kind: 'Initiative',
        id: input.initiativeId,
      },
    );
    return this.dataSource.transaction(async (m) => {
      const rows = (await m.query(
        `INSERT INTO working_group (initiative_id, code, name, mandate, status) VALUES ($1, $2, $3, $4, 'ACTIVE')
         ON CONFLICT (initiative_id, code) DO NOTHING RETURNING ${WORKING_GROUP_COLUMNS}`,
        [input.initiativeId, input.code, input.name.trim(), input.mandate],
      )) as WorkingGroupModel[];
      if (!rows[0]) throw new ConflictError(`A working group with code ${input.code} already exists in this initiative`);
      return rows[0];
    });
  }
}
