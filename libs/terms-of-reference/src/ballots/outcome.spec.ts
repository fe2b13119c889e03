import { computeOutcome, type Count, type DecisionRule, documentStatusAfter, quorumMet, votesNeededForQuorum } from './outcome';

const c = (approve: number, object: number, abstain: number): Count => ({ approve, object, abstain });

describe('votesNeededForQuorum', () => {
  it.each([
    [0.7, 10, 7],
    [0.3, 10, 3],
    [0.1, 30, 3],
    [0.6, 5, 3],
    [0.5, 3, 2],
    [0.5, 4, 2],
    [1, 7, 7],
    [1 / 3, 3, 1],
    [2 / 3, 3, 2],
    [0.29, 100, 29],
    [0.57, 100, 57],
    [0.000001, 200, 1],
    [0.5, 0, 0],
    [1, 0, 0],
    [0.99, 200, 198],
  ])('quorum %p of %p electors needs %p votes', (quorum, n, needed) => {
    expect(votesNeededForQuorum(quorum, n)).toBe(needed);
  });

  it('refuses quorums outside (0, 1] and bad electorate sizes', () => {
    expect(() => votesNeededForQuorum(0, 10)).toThrow(RangeError);
    expect(() => votesNeededForQuorum(1.01, 10)).toThrow(RangeError);
    expect(() => votesNeededForQuorum(Number.NaN, 10)).toThrow(RangeError);
    expect(() => votesNeededForQuorum(0.5, -1)).toThrow(RangeError);
    expect(() => votesNeededForQuorum(0.5, 1.5)).toThrow(RangeError);
  });

  it('is met exactly at the threshold', () => {
    expect(quorumMet(0.7, 10, 6)).toBe(false);
    expect(quorumMet(0.7, 10, 7)).toBe(true);
    expect(quorumMet(0.5, 0, 0)).toBe(true);
  });
});

describe('computeOutcome', () => {
  const cases: [DecisionRule, number, number, Count, string][] = [
    // quorum
    ['CONSENSUS', 0.7, 10, c(6, 0, 0), 'NO_QUORUM'],
    ['CONSENSUS', 0.7, 10, c(7, 0, 0), 'APPROVED'],
    ['MAJORITY', 0.7, 10, c(5, 0, 1), 'NO_QUORUM'],
    ['TWO_THIRDS', 1, 3, c(2, 0, 0), 'NO_QUORUM'],
    ['MAJORITY', 0.5, 4, c(0, 0, 0), 'NO_QUORUM'],
    // CONSENSUS
    ['CONSENSUS', 0.5, 4, c(2, 0, 0), 'APPROVED'],
    ['CONSENSUS', 0.5, 4, c(3, 1, 0), 'REJECTED'],
    ['CONSENSUS', 0.5, 4, c(0, 0, 2), 'APPROVED'],
    ['CONSENSUS', 0.5, 4, c(0, 1, 3), 'REJECTED'],
    ['CONSENSUS', 1, 200, c(199, 1, 0), 'REJECTED'],
    // MAJORITY: strictly more than half of APPROVE + OBJECT
    ['MAJORITY', 0.5, 4, c(2, 1, 0), 'APPROVED'],
    ['MAJORITY', 0.5, 4, c(2, 2, 0), 'REJECTED'],
    ['MAJORITY', 0.5, 4, c(1, 2, 0), 'REJECTED'],
    ['MAJORITY', 0.5, 4, c(1, 0, 3), 'APPROVED'],
    ['MAJORITY', 0.5, 4, c(0, 0, 4), 'REJECTED'],
    ['MAJORITY', 0.5, 10, c(3, 2, 5), 'APPROVED'],
    ['MAJORITY', 1, 101, c(51, 50, 0), 'APPROVED'],
    ['MAJORITY', 1, 100, c(50, 50, 0), 'REJECTED'],
    // TWO_THIRDS: at least two thirds of APPROVE + OBJECT
    ['TWO_THIRDS', 0.5, 6, c(2, 1, 0), 'APPROVED'],
    ['TWO_THIRDS', 0.5, 6, c(4, 2, 0), 'APPROVED'],
    ['TWO_THIRDS', 0.5, 6, c(3, 2, 0), 'REJECTED'],
    ['TWO_THIRDS', 0.5, 6, c(0, 0, 3), 'REJECTED'],
    ['TWO_THIRDS', 0.5, 6, c(1, 0, 5), 'APPROVED'],
    ['TWO_THIRDS', 1, 200, c(133, 67, 0), 'REJECTED'],
    ['TWO_THIRDS', 1, 200, c(134, 66, 0), 'APPROVED'],
    ['TWO_THIRDS', 0.1, 30, c(20, 10, 0), 'APPROVED'],
    ['TWO_THIRDS', 0.1, 30, c(19, 10, 0), 'REJECTED'],
    // empty electorate: quorum of 0 votes is met
    ['CONSENSUS', 0.5, 0, c(0, 0, 0), 'APPROVED'],
    ['MAJORITY', 0.5, 0, c(0, 0, 0), 'REJECTED'],
  ];

  it.each(cases)('%s quorum %p of %p with %j -> %s', (rule, quorum, n, count, expected) => {
    expect(computeOutcome(rule, quorum, n, count)).toBe(expected);
  });

  it('maps outcomes to document statuses', () => {
    expect(documentStatusAfter('APPROVED')).toBe('APPROVED');
    expect(documentStatusAfter('REJECTED')).toBe('REJECTED');
    expect(documentStatusAfter('NO_QUORUM')).toBe('REJECTED');
  });
});
