import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentFieldsFragment } from '../../gql/graphql';
import { Dialog } from '../../shared/components/Dialog';
import { DateTime } from '../../shared/time/DateTime';
import { CommentForm } from './CommentForm';

export interface CommentActions {
  /** The reader's person id: their own comments get "Edit" and "Delete". */
  meId: string;
  /** SECRETARIAT may delete anyone's comment. */
  mayModerate: boolean;
  onEdit: (id: string, body: string) => Promise<string | null>;
  onDelete: (id: string) => Promise<string | null>;
}

/** One comment: author, time (reader's zone), "edited" with its time, body; edit and delete for its author. */
export function CommentItem({
  comment,
  actions,
  where,
}: {
  comment: CommentFieldsFragment;
  actions: CommentActions;
  where?: string;
}) {
  const { t } = useTranslation('discussion');
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const mine = comment.author.id === actions.meId;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600} size="sm">
          {comment.author.name}
        </Text>
        <Text size="xs" c="dimmed">
          <DateTime value={comment.createdAt} />
        </Text>
        {comment.editedAt && !comment.deleted && (
          <Text size="xs" c="dimmed">
            {t('comments.edited')} <DateTime value={comment.editedAt} />
          </Text>
        )}
        {where && (
          <Text size="xs" c="dimmed">
            {where}
          </Text>
        )}
      </Group>
      {editing ? (
        <CommentForm
          label={t('comments.editLabel')}
          submitLabel={t('comments.saveEdit')}
          initial={comment.body}
          onSubmit={(body) =>
            actions.onEdit(comment.id, body).then((refused) => {
              if (!refused) setEditing(false);
              return refused;
            })
          }
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap' }}
          c={comment.deleted ? 'dimmed' : undefined}
          fs={comment.deleted ? 'italic' : undefined}
        >
          {comment.deleted ? t('comments.deleted') : comment.body}
        </Text>
      )}
      {!comment.deleted && !editing && (mine || actions.mayModerate) && (
        <Group gap="xs">
          {mine && (
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
              {t('comments.edit')}
            </Button>
          )}
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
            {t('comments.delete')}
          </Button>
        </Group>
      )}
      <Dialog opened={confirming} onClose={() => setConfirming(false)} title={t('comments.deleteTitle')} closeLabel={t('close')}>
        <Stack>
          {deleteError && (
            <Paper role="alert" withBorder p="xs" c="red">
              {deleteError}
            </Paper>
          )}
          <Text size="sm">{t('comments.deleteWarning')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
            <Button
              color="red"
              onClick={() =>
                void actions.onDelete(comment.id).then((refused) => {
                  setDeleteError(refused);
                  if (!refused) setConfirming(false);
                })
              }
            >
              {t('comments.confirmDelete')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}
