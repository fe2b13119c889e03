import { useQuery } from '@apollo/client/react';
import { BallotQuery } from './queries';

/** How often the ballot page re-reads participation while no live channel carries it. */
const POLL_MS = 5000;

/**
 * Keeps the ballot's participation current without a reload. Until the gateway has the
 * `ballotUpdated` subscription, this re-reads the ballot every few seconds (the response cache
 * answers unchanged ballots from memory).
 */
export function useLiveBallot(id: string): void {
  useQuery(BallotQuery, { variables: { id }, pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
}
