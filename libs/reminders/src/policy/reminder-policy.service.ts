import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '@app/identity';
import {
  type Caller,
  formatDuration,
  InvalidInputError,
  isUuid,
  type LoaderRegistry,
  NotFoundError,
  parseDuration,
  TOPICS,
  writeOutbox,
} from '@app/platform';
import { DEFAULT_POLICY, normalizeLeadTimes, type ReminderPolicyRule } from '../planning/reminder-plan';
import type { SetReminderPolicyInput } from './dto/set-reminder-policy.input';
import type { ReminderPolicyModel } from './reminder-policy.model';
import { ReminderPoliciesRepository } from './reminder-policies.repository';

export function toPolicyModel(rule: ReminderPolicyRule): ReminderPolicyModel {
  return { leadTimes: normalizeLeadTimes(rule.leadTimesMs).map(formatDuration), remindOverdue: rule.remindOverdue };
}

/**
 * The reminder policy of an initiative. Setting it writes an outbox row in the same
 * transaction; the worker replans every pending reminder of the initiative from it.
 */
@Injectable()
export class ReminderPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly policies: ReminderPoliciesRepository,
  ) {}

  /** Batched per request: the policies of many initiatives in one statement. */
  load(loaders: LoaderRegistry, initiativeId: string): Promise<ReminderPolicyModel> {
    return loaders
      .get<string, ReminderPolicyModel>('reminders.policy', async (ids) => {
        const rules = await this.policies.rulesOf(ids.filter(isUuid));
        return ids.map((id) => toPolicyModel(rules.get(id) ?? DEFAULT_POLICY));
      })
      .load(initiativeId);
  }

  async set(caller: Caller | null, input: SetReminderPolicyInput): Promise<ReminderPolicyModel> {
    if (!isUuid(input.initiativeId)) throw new NotFoundError('Initiative', input.initiativeId);
    await this.access.authorize(
      caller,
      'initiative.setReminderPolicy',
      { initiativeId: input.initiativeId },
      { kind: 'Initiative', id: input.initiativeId },
    );
    const leadTimesMs = input.leadTimes.map((text, i) => {
      const ms = parseDuration(text);
      if (ms === null || ms <= 0) throw InvalidInputError.field(`input.leadTimes.${i}`, 'must be a positive duration');
      return ms;
    });
    const rule = { leadTimesMs: normalizeLeadTimes(leadTimesMs), remindOverdue: input.remindOverdue };
    return this.dataSource.transaction(async (m) => {
      await this.policies.upsert(input.initiativeId, rule, m);
      await writeOutbox(m, TOPICS.reminderPolicyChanged, input.initiativeId, {});
      return toPolicyModel(await this.policies.ruleOf(input.initiativeId, m));
    });
  }
}
