import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Typography } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../shared/components/Dialog';
import { errorCode, useApiErrorMessage } from '../../shared/errors';
import { renderMarkdown } from '../../terms/markdown';
import { ApproveMinutesMutation, SaveMinutesMutation } from '../mutations';
import type { Meeting } from './types';
import { useMeetingMutation } from './use-meeting-mutation';

/**
 * The secretary's draft of the minutes in Markdown beside its rendered preview; saved against the
 * version the page read (0 for the first save) and approved once the meeting is CLOSED, after
 * which they are FINAL and can no longer change.
 */
interface Props {
  meeting: Meeting;
  onReload: () => Promise<unknown>;
  /** The approved minutes as everyone reads them, shown instead of the editor once FINAL. */
  final: ReactNode;
}

export function MinutesEditor({ meeting, onReload, final }: Props) {
  const { t } = useTranslation('meetings');
  const [body, setBody] = useState(meeting.minutes?.body ?? '');
  const [said, setSaid] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [save, saving] = useMeetingMutation(SaveMinutesMutation, meeting.id);
  const [approve, approving] = useMeetingMutation(ApproveMinutesMutation, meeting.id);
  const failed = saving.error ?? approving.error;
  const message = useApiErrorMessage(failed);
  const stale = saving.error && errorCode(saving.error) === 'CONFLICT';
  const saved = meeting.minutes?.body ?? '';
  const unsaved = body !== saved;
  const doSave = () => {
    setSaid('');
    approving.reset();
    void save({ variables: { meetingId: meeting.id, body, expectedVersion: meeting.minutes?.version ?? 0 } }).then(
      () => setSaid(t('manage.minutes.saved')),
      () => undefined,
    );
  };
  const doApprove = () => {
    setSaid('');
    saving.reset();
    void approve({ variables: { meetingId: meeting.id } }).then(
      () => {
        setConfirming(false);
        setSaid(t('manage.minutes.approved'));
      },
      () => setConfirming(false),
    );
  };
  if (final)
    return (
      <Stack gap="sm">
        <div role="status">{said}</div>
        {final}
      </Stack>
    );
  return (
    <Stack gap="sm">
      {failed && (
        <Alert color="red" role="alert">
          {stale ? t('manage.minutes.conflict') : message}
        </Alert>
      )}
      {stale && (
        <Group>
          <Button
            variant="outline"
            onClick={() =>
              void onReload().then(() => {
                saving.reset();
              })
            }
          >
            {t('manage.minutes.reload')}
          </Button>
        </Group>
      )}
      <div role="status">{said}</div>
      <Text size="sm" c="dimmed">
        {meeting.minutes ? t('manage.minutes.draftVersion', { version: meeting.minutes.version }) : t('manage.minutes.notSaved')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Textarea
          label={t('manage.minutes.body')}
          description={t('manage.minutes.markdownHelp')}
          autosize
          minRows={10}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <Paper withBorder p="md" role="region" aria-label={t('manage.minutes.preview')}>
          <Text fw={600} size="sm" mb="xs">
            {t('manage.minutes.preview')}
          </Text>
          <Typography>
            {/* Sanitised by DOMPurify (terms/markdown.ts): what is typed never runs as code. */}
            <div dangerouslySetInnerHTML={{ __html: renderMarkdown(body, 3) }} />
          </Typography>
        </Paper>
      </SimpleGrid>
      <Group>
        <Button onClick={doSave} loading={saving.loading} disabled={!unsaved}>
          {t('manage.minutes.save')}
        </Button>
        {meeting.status === 'CLOSED' && meeting.minutes && (
          <Button variant="outline" disabled={unsaved} onClick={() => setConfirming(true)}>
            {t('manage.minutes.approve')}
          </Button>
        )}
        {unsaved && meeting.status === 'CLOSED' && meeting.minutes && <Text size="sm">{t('manage.minutes.saveFirst')}</Text>}
      </Group>
      <Dialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('manage.minutes.confirmTitle')}
        closeLabel={t('manage.closeDialog')}
      >
        <Stack>
          <Text>{t('manage.minutes.confirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('manage.discard')}
            </Button>
            <Button loading={approving.loading} onClick={doApprove}>
              {t('manage.minutes.confirm')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}
