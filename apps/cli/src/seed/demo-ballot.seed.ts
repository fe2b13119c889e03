import type { EntityManager } from 'typeorm';
import { writeOutbox } from '@app/platform';
import { DemoBallotRepository } from './demo-ballot.repository';
import { DEMO_INITIATIVE_SLUG } from './demo-structure.seed';
import type { SeedStep } from './seed-step';

/** How long the demo ballot stays open after the seed first runs: a demo, so weeks. */
export const DEMO_BALLOT_OPEN_DAYS = 28;

/**
 * An OPEN ballot on the initiative's terms of reference (MAJORITY, quorum one half, electorate:
 * the initiative's MEMBERs), so that a member can vote in the browser right after `npm run up`.
 * Opened once: when the document has had a ballot (open or not), a later run changes nothing.
 * Same statements as BallotsService.open, including the outbox event that plans its reminders.
 */
export const demoBallotSeed: SeedStep = {
  name: 'demo ballot',
  async run(m: EntityManager): Promise<void> {
    const demo = new DemoBallotRepository(m);
    const tor = await demo.unballotedInitiativeTor(DEMO_INITIATIVE_SLUG);
    if (!tor) return;
    const ballot = await demo.open(tor.id, tor.initiativeId, DEMO_BALLOT_OPEN_DAYS);
    await writeOutbox(m, 'ballot.opened', ballot.id, {
      termsOfReferenceId: tor.id,
      initiativeId: tor.initiativeId,
      workingGroupId: null,
      closesAt: ballot.closesAt.toISOString(),
      electorateSize: ballot.electorateSize,
    });
  },
};
