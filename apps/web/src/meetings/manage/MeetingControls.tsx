import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../shared/components/Dialog';
import { useApiErrorMessage } from '../../shared/errors';
import { AnnounceMeetingMutation, CancelMeetingMutation, CloseMeetingMutation, StartMeetingMutation } from '../mutations';
import { EditMeetingDialog } from './EditMeetingDialog';
import type { Meeting } from './types';
import { useMeetingMutation } from './use-meeting-mutation';

type Step = 'announce' | 'start' | 'close';

/**
 * The chair's lifecycle buttons: Edit and Cancel while DRAFT or ANNOUNCED, Announce a draft, Start
 * an announced meeting, Close one in progress. What happened is said in role status, a refusal in role alert.
 */
export function MeetingControls({ meeting, onReload }: { meeting: Meeting; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation('meetings');
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [announce, announcing] = useMeetingMutation(AnnounceMeetingMutation, meeting.id);
  const [start, starting] = useMeetingMutation(StartMeetingMutation, meeting.id);
  const [close, closing] = useMeetingMutation(CloseMeetingMutation, meeting.id);
  const failed = announcing.error ?? starting.error ?? closing.error;
  const message = useApiErrorMessage(failed);
  const run = (step: Step) => {
    setDone(null);
    for (const m of [announcing, starting, closing]) m.reset();
    const mutate = { announce, start, close }[step];
    void mutate({ variables: { id: meeting.id } }).then(
      () => setDone(t(`manage.lifecycle.done.${step}`)),
      () => undefined,
    );
  };
  const editable = meeting.status === 'DRAFT' || meeting.status === 'ANNOUNCED';
  // Kept mounted once the meeting is CLOSED or CANCELLED, so that saying so in role status survives the change.
  const ended = meeting.status === 'CLOSED' || meeting.status === 'CANCELLED';
  return (
    <Stack gap="xs" mb="md">
      {!ended && (
        <Group gap="sm" role="group" aria-label={t('manage.lifecycle.group')}>
          {editable && (
            <Button variant="outline" onClick={() => setEditing(true)}>
              {t('manage.lifecycle.edit')}
            </Button>
          )}
          {meeting.status === 'DRAFT' && (
            <Button loading={announcing.loading} onClick={() => run('announce')}>
              {t('manage.lifecycle.announce')}
            </Button>
          )}
          {meeting.status === 'ANNOUNCED' && (
            <Button loading={starting.loading} onClick={() => run('start')}>
              {t('manage.lifecycle.start')}
            </Button>
          )}
          {meeting.status === 'IN_PROGRESS' && (
            <Button loading={closing.loading} onClick={() => run('close')}>
              {t('manage.lifecycle.close')}
            </Button>
          )}
          {editable && (
            <Button variant="outline" color="red.9" onClick={() => setCancelling(true)}>
              {t('manage.lifecycle.cancel')}
            </Button>
          )}
        </Group>
      )}
      {failed && (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      )}
      <div role="status">{done}</div>
      {editable && (
        <EditMeetingDialog
          meeting={meeting}
          opened={editing}
          onClose={() => setEditing(false)}
          onSaved={() => setDone(t('manage.edit.saved'))}
          onReload={onReload}
        />
      )}
      <CancelMeetingDialog
        meetingId={meeting.id}
        opened={cancelling}
        onClose={() => setCancelling(false)}
        onCancelled={() => setDone(t('manage.lifecycle.done.cancel'))}
      />
    </Stack>
  );
}

interface CancelProps {
  meetingId: string;
  opened: boolean;
  onClose: () => void;
  onCancelled: () => void;
}

/** Asks for the reason the invitees will read, then cancels the meeting. */
function CancelMeetingDialog({ meetingId, opened, onClose, onCancelled }: CancelProps) {
  const { t } = useTranslation('meetings');
  const [reason, setReason] = useState('');
  const [cancel, { loading, error, reset }] = useMeetingMutation(CancelMeetingMutation, meetingId);
  const message = useApiErrorMessage(error);
  const dismiss = () => {
    reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title={t('manage.cancel.title')} closeLabel={t('manage.closeDialog')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void cancel({ variables: { id: meetingId, reason: reason.trim() } }).then(
            () => {
              dismiss();
              onCancelled();
            },
            () => undefined,
          );
        }}
      >
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <Textarea
            label={t('manage.cancel.reason')}
            description={t('manage.cancel.reasonHelp')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              {t('manage.cancel.keep')}
            </Button>
            <Button type="submit" color="red.9" loading={loading} disabled={!reason.trim()}>
              {t('manage.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
