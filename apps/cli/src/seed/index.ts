import { demoBallotSeed } from './demo-ballot.seed';
import { demoKpisSeed } from './demo-kpis.seed';
import { demoMeetingsSeed } from './demo-meetings.seed';
import { demoStructureSeed } from './demo-structure.seed';
import { demoTermsSeed } from './demo-terms.seed';
import { demoWorkPlansSeed } from './demo-work-plans.seed';
import type { SeedStep } from './seed-step';

export type { SeedContext, SeedStep } from './seed-step';

/** The demo seed, in order. Later domains append their steps (terms of reference, work plans, ...). */
export const DEMO_SEED_STEPS: SeedStep[] = [
  demoStructureSeed,
  demoTermsSeed,
  demoWorkPlansSeed,
  demoBallotSeed,
  demoKpisSeed,
  demoMeetingsSeed,
];
