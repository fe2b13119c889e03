import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Queryable, rows } from '@app/platform';
import { DEFAULT_POLICY, type ReminderPolicyRule } from '../planning/reminder-plan';

/** reminder_policy: one row per initiative that set one; the others have DEFAULT_POLICY. */
@Injectable()
export class ReminderPoliciesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The policy of each initiative (one statement), by initiative id; the default where none was set. */
  async rulesOf(initiativeIds: string[], db: Queryable = this.dataSource): Promise<Map<string, ReminderPolicyRule>> {
    const ids = [...new Set(initiativeIds)];
    const rules = new Map<string, ReminderPolicyRule>(ids.map((id) => [id, DEFAULT_POLICY]));
    if (!ids.length) return rules;
    const found = await rows<{ initiativeId: string; leadTimesMs: string[]; remindOverdue: boolean }>(
      db,
      `SELECT initiative_id AS "initiativeId", lead_times_ms AS "leadTimesMs", remind_overdue AS "remindOverdue"
         FROM reminder_policy WHERE initiative_id = ANY($1::uuid[])`,
      [ids],
    );
    for (const row of found)
      rules.set(row.initiativeId, { leadTimesMs: row.leadTimesMs.map(Number), remindOverdue: row.remindOverdue });
    return rules;
  }

  async ruleOf(initiativeId: string, db: Queryable = this.dataSource): Promise<ReminderPolicyRule> {
    return (await this.rulesOf([initiativeId], db)).get(initiativeId)!;
  }

  async upsert(initiativeId: string, rule: ReminderPolicyRule, m: Queryable): Promise<void> {
    await rows(
      m,
      `INSERT INTO reminder_policy (initiative_id, lead_times_ms, remind_overdue) VALUES ($1, $2::bigint[], $3)
       ON CONFLICT (initiative_id) DO UPDATE SET lead_times_ms = EXCLUDED.lead_times_ms,
         remind_overdue = EXCLUDED.remind_overdue, updated_at = now()`,
      [initiativeId, rule.leadTimesMs, rule.remindOverdue],
    );
  }
}
