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
  writeOutbox,
} from '@app/platform';
import { DEFAULT_POLICY, normalizeLeadTimes, type ReminderPolicyRule } from '../planning/reminder-plan';
import { loadPolicy } from '../subjects/subject-reader';
import { POLICY_CHANGED_TOPIC } from '../outbox-topics';
import type { SetReminderPolicyInput } from './dto/set-reminder-policy.input';
import type { ReminderPolicyModel } from './reminder-policy.model';

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
  ) {}

  /** Batched per request: the policies of many initiatives in one statement. */
  load(loaders: LoaderRegistry, initiativeId: string): Promise<ReminderPolicyModel> {
    return loaders
      .get<string, ReminderPolicyModel>('reminders.policy', async (ids) => {
        const rows = (await this.dataSource.query(
          `SELECT initiative_id AS "initiativeId", lead_times_ms AS "leadTimesMs", remind_overdue AS "remindOverdue"
             FROM reminder_policy WHERE initiative_id = ANY($1::uuid[])`,
          [ids.filter(isUuid)],
        )) as { initiativeId: string; leadTimesMs: string[]; remindOverdue: boolean }[];
        const byId = new Map(rows.map((r) => [r.initiativeId, r]));
        return ids.map((id) => {
          const row = byId.get(id);
          return row
            ? toPolicyModel({ leadTimesMs: row.leadTimesMs.map(Number), remindOverdue: row.remindOverdue })
            : toPolicyModel(DEFAULT_POLICY);
        });
      })
      .load(initiativeId);
  }

  async set(caller: Caller | null, input: SetReminderPolicyInput): Promise<ReminderPolicyModel> {
    if (!isUuid(input.initiativeId)) throw new NotFoundError('Initiative', input.initiativeId);
    await this.access.authorize(
      caller,
      'initiative.setReminderPolicy',
      { initiativeId: input.initiativeId },
      {
        kind: 'Initiative',
        id: input.initiativeId,
      },
    );
    const leadTimesMs = input.leadTimes.map((text, i) => {
      const ms = parseDuration(text);
      if (ms === null || ms <= 0) throw InvalidInputError.field(`input.leadTimes.${i}`, 'must be a positive duration');
      return ms;
    });
    const normalized = normalizeLeadTimes(leadTimesMs);
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO reminder_policy (initiative_id, lead_times_ms, remind_overdue) VALUES ($1, $2::bigint[], $3)
         ON CONFLICT (initiative_id) DO UPDATE SET lead_times_ms = EXCLUDED.lead_times_ms,
           remind_overdue = EXCLUDED.remind_overdue, updated_at = now()`,
        [input.initiativeId, normalized, input.remindOverdue],
      );
      await writeOutbox(m, POLICY_CHANGED_TOPIC, input.initiativeId, {});
      return toPolicyModel(await loadPolicy(m, input.initiativeId));
    });
  }
}
