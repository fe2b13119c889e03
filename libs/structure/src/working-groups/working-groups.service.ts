import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '@app/identity';
import { type Caller, ConflictError, isUuid, NotFoundError } from '@app/platform';
import type { CreateWorkingGroupInput } from './dto/create-working-group.input';
import type { WorkingGroupModel } from './working-group.model';
import { WorkingGroupsRepository } from './working-groups.repository';

@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupsRepository,
    private readonly policy: AccessPolicy,
  ) {}

  /** NOT_FOUND unless the group exists and the caller belongs to its initiative. */
  async byId(caller: Caller | null, id: string): Promise<WorkingGroupModel> {
    this.policy.requireCaller(caller);
    const row = isUuid(id) ? await this.groups.byId(id) : null;
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
      const group = await this.groups.insert({ ...input, name: input.name.trim() }, m);
      if (!group) throw new ConflictError(`A working group with code ${input.code} already exists in this initiative`);
      return group;
    });
  }
}
