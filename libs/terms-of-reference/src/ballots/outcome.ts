/**
 * The decision rules of a ballot (contract: DecisionRule). Pure: no Nest, no database.
 * The close job, closeBallot and every read of a ballot past its closesAt use this one function.
 */
export type DecisionRule = 'CONSENSUS' | 'MAJORITY' | 'TWO_THIRDS';
export type BallotOutcome = 'APPROVED' | 'REJECTED' | 'NO_QUORUM';

export interface Count {
  approve: number;
  object: number;
  abstain: number;
}

/**
 * The number of votes needed for quorum: ceil(quorum * electorateSize), computed without the
 * floating-point surprise of e.g. 0.7 * 10 = 7.000000000000001 (which would give 8): the product
 * is rounded to 9 decimal places before taking the ceiling.
 */
export function votesNeededForQuorum(quorum: number, electorateSize: number): number {
  if (!(quorum > 0 && quorum <= 1)) throw new RangeError(`quorum must be in (0, 1], got ${quorum}`);
  if (!Number.isInteger(electorateSize) || electorateSize < 0) throw new RangeError(`electorateSize must be a whole number >= 0`);
  const product = Math.round(quorum * electorateSize * 1e9) / 1e9;
  return Math.ceil(product);
}

export function quorumMet(quorum: number, electorateSize: number, votesCast: number): boolean {
  return votesCast >= votesNeededForQuorum(quorum, electorateSize);
}

/** ABSTAIN counts towards quorum only; integer arithmetic for the majorities. */
export function computeOutcome(rule: DecisionRule, quorum: number, electorateSize: number, count: Count): BallotOutcome {
  const votesCast = count.approve + count.object + count.abstain;
  if (!quorumMet(quorum, electorateSize, votesCast)) return 'NO_QUORUM';
  const decisive = count.approve + count.object;
  switch (rule) {
    case 'CONSENSUS':
      return count.object === 0 ? 'APPROVED' : 'REJECTED';
    case 'MAJORITY':
      // APPROVE > half of (APPROVE + OBJECT); 0 of 0 is not a majority.
      return 2 * count.approve > decisive ? 'APPROVED' : 'REJECTED';
    case 'TWO_THIRDS':
      // APPROVE >= two thirds of (APPROVE + OBJECT); 0 of 0 is rejected.
      return decisive > 0 && 3 * count.approve >= 2 * decisive ? 'APPROVED' : 'REJECTED';
  }
}

/** The document status after a ballot's outcome. */
export function documentStatusAfter(outcome: BallotOutcome): 'APPROVED' | 'REJECTED' {
  return outcome === 'APPROVED' ? 'APPROVED' : 'REJECTED';
}
