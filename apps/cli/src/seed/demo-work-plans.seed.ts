import type { EntityManager } from 'typeorm';
import { writeOutbox } from '@app/platform';
import { WORK_ITEM_TOPICS } from '@app/work-plans';
import { DEMO_INITIATIVE_SLUG } from './demo-structure.seed';
import { DemoWorkPlansRepository } from './demo-work-plans.repository';
import type { SeedStep } from './seed-step';

type Status = 'NOT_STARTED' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE' | 'CANCELLED';
interface DemoItem {
  kind: 'DELIVERABLE' | 'MILESTONE' | 'TASK';
  title: string;
  /** YYYY-MM-DD; due at 16:00 UTC (18:00 in Geneva in summer). */
  due: string;
  status: Status;
  percent: number;
  /** E-mail of the owner (a CHAIR, VICE_CHAIR or MEMBER of the group), or null. */
  owner: string | null;
  /** 1-based position of the parent in the list. */
  parent?: number;
  /** 1-based positions of the items this one depends on. */
  dependsOn?: number[];
}

const m = (n: number) => `member${String(n).padStart(2, '0')}@u4ssc.example`;

/**
 * The demo work plans: a DRAFT plan per group for July 2016 - June 2017. Every due date is
 * in 2016/2017, so every item that is not DONE or CANCELLED is overdue. The resulting figures
 * (counted items exclude CANCELLED ones):
 *
 * | group | items | counted | done | in progress | blocked | not started | overdue | percentComplete |
 * | WG1   | 10    | 9       | 3    | 3           | 1       | 2           | 6       | 50 (450 / 9)     |
 * | WG2   | 8     | 7       | 3    | 2           | 0       | 2           | 4       | 52.14 (365 / 7)  |
 * | WG3   | 7     | 7       | 2    | 1           | 1       | 3           | 5       | 31.43 (220 / 7)  |
 * | total | 25    | 23      | 8    | 6           | 2       | 7           | 15      | 45 (1035 / 23)   |
 */
export const DEMO_WORK_PLANS: Record<string, DemoItem[]> = {
  WG1: [
    {
      kind: 'DELIVERABLE',
      title: 'KPI framework for smart sustainable cities (draft)',
      due: '2016-12-15',
      status: 'IN_PROGRESS',
      percent: 60,
      owner: 'chair.wg1@u4ssc.example',
    },
    {
      kind: 'TASK',
      title: 'Collect existing city KPI sets',
      due: '2016-08-31',
      status: 'DONE',
      percent: 100,
      owner: m(1),
      parent: 1,
    },
    {
      kind: 'TASK',
      title: 'Map the KPIs to the SDG 11 targets',
      due: '2016-10-14',
      status: 'DONE',
      percent: 100,
      owner: m(2),
      parent: 1,
      dependsOn: [2],
    },
    {
      kind: 'MILESTONE',
      title: 'KPI draft presented at the plenary',
      due: '2016-11-30',
      status: 'NOT_STARTED',
      percent: 0,
      owner: null,
      dependsOn: [3],
    },
    {
      kind: 'DELIVERABLE',
      title: 'Report: urban planning policy and standards landscape',
      due: '2017-03-31',
      status: 'IN_PROGRESS',
      percent: 30,
      owner: 'vice.wg1@u4ssc.example',
    },
    {
      kind: 'TASK',
      title: "Survey of standards bodies' smart-city work",
      due: '2017-01-31',
      status: 'IN_PROGRESS',
      percent: 50,
      owner: m(3),
      parent: 5,
    },
    {
      kind: 'TASK',
      title: 'Requirements of a governance data platform',
      due: '2017-04-28',
      status: 'BLOCKED',
      percent: 10,
      owner: m(4),
      dependsOn: [6],
    },
    {
      kind: 'MILESTONE',
      title: 'Framework submitted for approval',
      due: '2017-06-15',
      status: 'NOT_STARTED',
      percent: 0,
      owner: null,
      dependsOn: [1, 5],
    },
    { kind: 'TASK', title: 'Glossary of terms', due: '2016-09-30', status: 'DONE', percent: 100, owner: m(1) },
    {
      kind: 'TASK',
      title: 'Liaison statement to the standards bodies',
      due: '2017-02-15',
      status: 'CANCELLED',
      percent: 0,
      owner: null,
    },
  ],
  WG2: [
    {
      kind: 'DELIVERABLE',
      title: 'Case study collection: cities and the SDGs',
      due: '2017-05-31',
      status: 'IN_PROGRESS',
      percent: 40,
      owner: 'chair.wg2@u4ssc.example',
    },
    {
      kind: 'TASK',
      title: 'Call for city case studies',
      due: '2016-09-15',
      status: 'DONE',
      percent: 100,
      owner: m(5),
      parent: 1,
    },
    { kind: 'TASK', title: 'Case study template', due: '2016-08-15', status: 'DONE', percent: 100, owner: m(6), parent: 1 },
    {
      kind: 'TASK',
      title: 'Review the submitted case studies',
      due: '2017-02-28',
      status: 'IN_PROGRESS',
      percent: 25,
      owner: m(7),
      parent: 1,
      dependsOn: [2, 3],
    },
    {
      kind: 'MILESTONE',
      title: 'First ten case studies published',
      due: '2017-03-31',
      status: 'NOT_STARTED',
      percent: 0,
      owner: null,
      dependsOn: [4],
    },
    {
      kind: 'DELIVERABLE',
      title: 'City-to-city twinning guidelines',
      due: '2017-06-30',
      status: 'NOT_STARTED',
      percent: 0,
      owner: m(8),
    },
    { kind: 'TASK', title: 'Workshop with city networks', due: '2016-11-10', status: 'DONE', percent: 100, owner: m(5) },
    {
      kind: 'TASK',
      title: 'Webinar series on SDG localisation',
      due: '2017-01-20',
      status: 'CANCELLED',
      percent: 0,
      owner: null,
    },
  ],
  WG3: [
    {
      kind: 'DELIVERABLE',
      title: 'Guidelines on open data for smart governance',
      due: '2017-04-28',
      status: 'IN_PROGRESS',
      percent: 20,
      owner: 'chair.wg3@u4ssc.example',
    },
    {
      kind: 'TASK',
      title: 'Inventory of city open data portals',
      due: '2016-10-31',
      status: 'DONE',
      percent: 100,
      owner: m(9),
      parent: 1,
    },
    {
      kind: 'TASK',
      title: 'Financing models for smart city projects (PPP)',
      due: '2017-02-28',
      status: 'BLOCKED',
      percent: 0,
      owner: m(10),
    },
    {
      kind: 'MILESTONE',
      title: 'Stakeholder consultation closed',
      due: '2016-12-30',
      status: 'NOT_STARTED',
      percent: 0,
      owner: null,
      dependsOn: [2],
    },
    {
      kind: 'TASK',
      title: 'Citizen participation case studies',
      due: '2017-03-15',
      status: 'NOT_STARTED',
      percent: 0,
      owner: m(11),
    },
    {
      kind: 'DELIVERABLE',
      title: 'Report: innovation in public services',
      due: '2017-06-30',
      status: 'NOT_STARTED',
      percent: 0,
      owner: m(12),
      dependsOn: [3, 5],
    },
    { kind: 'TASK', title: 'Partnership outreach plan', due: '2016-08-31', status: 'DONE', percent: 100, owner: null },
  ],
};

/** One DRAFT work plan per demo group; a group that already has a plan is left alone. */
export const demoWorkPlansSeed: SeedStep = {
  name: 'demo work plans',
  async run(manager: EntityManager): Promise<void> {
    const demo = new DemoWorkPlansRepository(manager);
    for (const [code, items] of Object.entries(DEMO_WORK_PLANS)) {
      const groupId = await demo.groupWithoutPlan(DEMO_INITIATIVE_SLUG, code);
      if (!groupId) continue;
      const planId = await demo.insertPlan(groupId, `${code} work plan July 2016 - June 2017`, 1 + items.length);
      const ids: string[] = [];
      for (const item of items) {
        const row = await demo.insertItem({
          workPlanId: planId,
          parentId: item.parent ? ids[item.parent - 1] : null,
          kind: item.kind,
          title: item.title,
          workingGroupId: groupId,
          ownerEmail: item.owner,
          dueAt: `${item.due}T16:00:00Z`,
          status: item.status,
          percent: item.percent,
        });
        if (item.owner && !row.ownerId) throw new Error(`demo work plans: ${item.owner} is not a member of ${code}`);
        ids.push(row.id);
        if (item.dependsOn?.length)
          await demo.insertDependencies(
            row.id,
            item.dependsOn.map((n) => ids[n - 1]),
            planId,
          );
        await writeOutbox(manager, WORK_ITEM_TOPICS.created, row.id, {
          workPlanId: planId,
          workingGroupId: groupId,
          title: item.title,
          kind: item.kind,
          dueAt: new Date(`${item.due}T16:00:00Z`).toISOString(),
          ownerId: row.ownerId,
          status: item.status,
        });
      }
    }
  },
};
