import { registerEnumType } from '@nestjs/graphql';

/** The contract enums of terms of reference and ballots (registered once, on import). */
export enum DocumentStatus {
  DRAFT = 'DRAFT',
  UNDER_BALLOT = 'UNDER_BALLOT',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export enum DecisionRuleEnum {
  CONSENSUS = 'CONSENSUS',
  MAJORITY = 'MAJORITY',
  TWO_THIRDS = 'TWO_THIRDS',
}

export enum BallotStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export enum BallotOutcomeEnum {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  NO_QUORUM = 'NO_QUORUM',
}

export enum VotePosition {
  APPROVE = 'APPROVE',
  OBJECT = 'OBJECT',
  ABSTAIN = 'ABSTAIN',
}

registerEnumType(DocumentStatus, { name: 'DocumentStatus' });
registerEnumType(DecisionRuleEnum, {
  name: 'DecisionRule',
  description: [
    'CONSENSUS: approved when quorum is met and no vote is OBJECT.',
    'MAJORITY: approved when quorum is met and APPROVE > half of (APPROVE + OBJECT).',
    'TWO_THIRDS: approved when quorum is met and APPROVE >= two thirds of (APPROVE + OBJECT).',
    'ABSTAIN counts towards quorum only. Quorum is met when votesCast >= ceil(quorum * electorateSize).',
  ].join('\n'),
});
registerEnumType(BallotStatus, { name: 'BallotStatus' });
registerEnumType(BallotOutcomeEnum, { name: 'BallotOutcome' });
registerEnumType(VotePosition, { name: 'VotePosition' });
