import type { ErrorLike } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useDescribeApiError } from '../shared/errors';
import { DeleteCommentMutation, EditCommentMutation } from './queries';

/**
 * Edit and delete of comments, as promises of an error message (null when done): the forms keep
 * what was typed and show the message in role alert. `after` refreshes the page's data.
 */
export function useCommentActions(after: () => Promise<unknown>) {
  const describe = useDescribeApiError();
  const [edit] = useMutation(EditCommentMutation);
  const [remove] = useMutation(DeleteCommentMutation);
  /** Runs a mutation; resolves to null, or the sentence explaining why it was refused. */
  const attempt = (run: () => Promise<unknown>): Promise<string | null> =>
    run().then(
      () => after().then(() => null),
      (error: ErrorLike) => describe(error),
    );
  return {
    attempt,
    onEdit: (id: string, body: string) => attempt(() => edit({ variables: { id, body } })),
    onDelete: (id: string) => attempt(() => remove({ variables: { id } })),
  };
}
