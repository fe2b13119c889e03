import { graphql } from '../gql';

/** What changes on a ballot page while it is open: each vote, and its opening, closing or cancelling. */
export const BallotLiveFragment = graphql(`
  fragment BallotLive on Ballot {
    id
    status
    closesAt
    electorateSize
    votesCast
    eligibleToVote
    outcome
    chainHead
    tally {
      approve
      object
      abstain
      notVoted
    }
    myVote {
      position
      comment
      revision
      castAt
    }
  }
`);

export const BallotQuery = graphql(`
  query Ballot($id: ID!) {
    me {
      id
    }
    ballot(id: $id) {
      id
      rule
      quorum
      opensAt
      ...BallotLive
      termsOfReference {
        id
        title
        initiative {
          slug
          name
        }
      }
      version {
        number
      }
    }
  }
`);

export const CastVoteMutation = graphql(`
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      receipt
      vote {
        position
        comment
        revision
        castAt
      }
    }
  }
`);

export const VerifyReceiptQuery = graphql(`
  query VerifyReceipt($ballotId: ID!, $receipt: String!) {
    verifyBallotReceipt(ballotId: $ballotId, receipt: $receipt) {
      valid
      superseded
      position
      castAt
    }
  }
`);

/** The ballot as the reader may see it, after each vote and its opening, closing or cancelling. */
export const BallotUpdatedSubscription = graphql(`
  subscription BallotUpdated($id: ID!) {
    ballotUpdated(ballotId: $id) {
      ...BallotLive
    }
  }
`);
