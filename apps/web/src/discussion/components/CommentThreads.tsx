import { Button, List, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThreadFragment } from '../../gql/graphql';
import { EmptyState } from '../../shared/components/States';
import { CommentForm } from './CommentForm';
import { CommentItem, type CommentActions } from './CommentItem';

export interface CommentThreadsProps {
  comments: CommentThreadFragment[];
  actions: CommentActions;
  /** Null for a reader who may not comment (an observer): no "Reply". */
  onReply: ((parentId: string, body: string) => Promise<string | null>) | null;
  /** The list's accessible name. */
  label: string;
  empty: string;
  /** A line saying where a comment points, e.g. "On version 1, paragraph 2" (comments on other versions). */
  where?: (comment: CommentThreadFragment) => string | undefined;
}

/** Top-level comments oldest first, each with its replies (one level) and a "Reply" form. */
export function CommentThreads({ comments, actions, onReply, label, empty, where }: CommentThreadsProps) {
  const { t } = useTranslation('discussion');
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  if (comments.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <List aria-label={label} listStyleType="none" withPadding={false} spacing="sm">
      {comments.map((comment) => (
        <List.Item key={comment.id}>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <CommentItem comment={comment} actions={actions} where={where?.(comment)} />
              {comment.replies.length > 0 && (
                <List
                  aria-label={t('comments.repliesTo', { name: comment.author.name })}
                  listStyleType="none"
                  withPadding={false}
                  spacing="xs"
                  ml="lg"
                  pl="sm"
                  style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}
                >
                  {comment.replies.map((reply) => (
                    <List.Item key={reply.id}>
                      <CommentItem comment={reply} actions={actions} />
                    </List.Item>
                  ))}
                </List>
              )}
              {onReply &&
                (replyingTo === comment.id ? (
                  <CommentForm
                    label={t('comments.replyLabel', { name: comment.author.name })}
                    submitLabel={t('comments.postReply')}
                    onSubmit={(body) =>
                      onReply(comment.id, body).then((refused) => {
                        if (!refused) setReplyingTo(null);
                        return refused;
                      })
                    }
                    onCancel={() => setReplyingTo(null)}
                  />
                ) : (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    style={{ alignSelf: 'flex-start' }}
                    aria-label={t('comments.replyTo', { name: comment.author.name })}
                    onClick={() => setReplyingTo(comment.id)}
                  >
                    {t('comments.reply')}
                  </Button>
                ))}
            </Stack>
          </Paper>
        </List.Item>
      ))}
    </List>
  );
}
