import { useSubscription } from '@apollo/client/react';
import { BallotUpdatedSubscription } from './queries';

/**
 * Keeps the ballot's participation, status and tally current without a reload: each
 * `ballotUpdated` event carries the ballot as the reader may see it, and Apollo writes it into
 * the cached Ballot the page reads (same id), so the page re-renders with it.
 */
export function useLiveBallot(id: string): void {
  useSubscription(BallotUpdatedSubscription, { variables: { id } });
}
