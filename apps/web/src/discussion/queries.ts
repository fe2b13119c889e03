import { graphql } from '../gql';

/** What a comment shows; replies have the same fields and no replies of their own. */
export const CommentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    body
    createdAt
    editedAt
    deleted
    paragraph
    version {
      id
      number
    }
    author {
      id
      name
    }
  }
`);

export const CommentThreadFragment = graphql(`
  fragment CommentThread on Comment {
    ...CommentFields
    replies {
      ...CommentFields
    }
  }
`);

export const AmendmentFieldsFragment = graphql(`
  fragment AmendmentFields on Amendment {
    id
    paragraph
    originalText
    proposedText
    rationale
    status
    resolution
    resolvedAt
    createdAt
    baseVersion {
      id
      number
    }
    resultingVersion {
      id
      number
    }
    proposer {
      id
      name
    }
    resolvedBy {
      id
      name
    }
  }
`);

export const CommentOnTermsMutation = graphql(`
  mutation CommentOnTerms($input: CommentOnTermsOfReferenceInput!) {
    commentOnTermsOfReference(input: $input) {
      id
    }
  }
`);

export const CommentOnKpiMutation = graphql(`
  mutation CommentOnKpi($input: CommentOnKpiInput!) {
    commentOnKpi(input: $input) {
      id
    }
  }
`);

export const EditCommentMutation = graphql(`
  mutation EditComment($id: ID!, $body: String!) {
    editComment(id: $id, body: $body) {
      ...CommentFields
    }
  }
`);

export const DeleteCommentMutation = graphql(`
  mutation DeleteComment($id: ID!) {
    deleteComment(id: $id) {
      ...CommentFields
    }
  }
`);

export const ProposeAmendmentMutation = graphql(`
  mutation ProposeAmendment($input: ProposeAmendmentInput!) {
    proposeAmendment(input: $input) {
      id
    }
  }
`);

export const AcceptAmendmentsMutation = graphql(`
  mutation AcceptAmendments($input: AcceptAmendmentsInput!) {
    acceptAmendments(input: $input) {
      id
      number
    }
  }
`);

export const RejectAmendmentMutation = graphql(`
  mutation RejectAmendment($id: ID!, $reason: String!) {
    rejectAmendment(id: $id, reason: $reason) {
      ...AmendmentFields
    }
  }
`);

export const WithdrawAmendmentMutation = graphql(`
  mutation WithdrawAmendment($id: ID!) {
    withdrawAmendment(id: $id) {
      ...AmendmentFields
    }
  }
`);
