import type { TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { MeetingQuery } from '../queries';

/**
 * A mutation on a meeting that re-reads the meeting page's query before it resolves, so that the
 * page (and its version for the next optimistic-locking check) shows what the server now holds.
 */
export function useMeetingMutation<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  meetingId: string,
  extraRefetch: string[] = [],
) {
  return useMutation(document, {
    refetchQueries: [{ query: MeetingQuery, variables: { id: meetingId } }, ...extraRefetch],
    awaitRefetchQueries: true,
  });
}
