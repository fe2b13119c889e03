import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@app/identity';
import { type Caller, type ConnectionShape, type LoaderRegistry, pageRequest } from '@app/platform';
import type { WorkItemModel } from '../work-items/work-item.model';
import { WorkPlansReader } from '../work-plans.reader';
import type { InitiativeProgressModel } from './progress.model';

/** The policy needs a uuid; a malformed id simply belongs to no initiative (NOT_FOUND). */
const uuidOrNil = (id: string) => (/^[0-9a-f-]{36}$/i.test(id) ? id : '00000000-0000-0000-0000-000000000000');

/** Progress across an initiative's working groups: any member of the initiative may ask. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly reader: WorkPlansReader,
  ) {}

  async initiativeProgress(
    caller: Caller | null,
    initiativeId: string,
    loaders: LoaderRegistry,
  ): Promise<InitiativeProgressModel> {
    await this.authorizeRead(caller, initiativeId);
    return this.reader.initiativeProgress(loaders, initiativeId);
  }

  /** Overdue items across the initiative's current plans, oldest dueAt first. */
  async overdueItems(
    caller: Caller | null,
    initiativeId: string,
    first: number | null,
    after: string | null,
    loaders: LoaderRegistry,
  ): Promise<ConnectionShape<WorkItemModel>> {
    await this.authorizeRead(caller, initiativeId);
    return this.reader.overdueItems(loaders, initiativeId, pageRequest(first, after, 50));
  }

  private async authorizeRead(caller: Caller | null, initiativeId: string): Promise<void> {
    await this.access.authorize(
      caller,
      'initiative.read',
      { initiativeId: uuidOrNil(initiativeId) },
      { kind: 'Initiative', id: initiativeId },
    );
  }
}
