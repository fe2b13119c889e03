import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../shared/components/Dialog';
import { errorCode, useApiErrorMessage } from '../../shared/errors';
import { UpdateMeetingMutation } from '../mutations';
import { instantToWallTime } from '../zoned-time';
import { meetingInput, MeetingForm, type MeetingFormValues } from './MeetingForm';
import { newSessionRow } from './SessionsEditor';
import type { Meeting } from './types';
import { useMeetingMutation } from './use-meeting-mutation';

/** The form's values from the meeting as it is now: sessions as wall times of its zone. */
function valuesOf(meeting: Meeting): MeetingFormValues {
  return {
    title: meeting.title,
    purpose: meeting.purpose ?? '',
    venue: meeting.venue ?? '',
    onlineUrl: meeting.onlineUrl ?? '',
    timeZone: meeting.timeZone,
    groupId: meeting.workingGroup?.id ?? '',
    sessions: meeting.sessions.map((s) => {
      const start = instantToWallTime(s.startsAt, meeting.timeZone);
      return newSessionRow({
        date: start.date,
        start: start.time,
        end: instantToWallTime(s.endsAt, meeting.timeZone).time,
        title: s.title ?? '',
      });
    }),
  };
}

/**
 * Edits a DRAFT or ANNOUNCED meeting against the version the page read; when someone else changed
 * it meanwhile (CONFLICT), says so and offers to reload the form with the current meeting.
 */
interface Props {
  meeting: Meeting;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
  /** Re-reads the meeting (its new version); the form then starts again from it. */
  onReload: () => Promise<unknown>;
}

export function EditMeetingDialog({ meeting, opened, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation('meetings');
  const [incomplete, setIncomplete] = useState(false);
  const [update, { loading, error, reset }] = useMeetingMutation(UpdateMeetingMutation, meeting.id);
  const message = useApiErrorMessage(error);
  const stale = error && errorCode(error) === 'CONFLICT';
  const close = () => {
    reset();
    setIncomplete(false);
    onClose();
  };
  const submit = (values: MeetingFormValues) => {
    const input = meetingInput(values);
    setIncomplete(!input);
    if (!input) return;
    void update({ variables: { input: { ...input, id: meeting.id, expectedVersion: meeting.version } } }).then(
      () => {
        close();
        onSaved();
      },
      () => undefined,
    );
  };
  return (
    <Dialog opened={opened} onClose={close} title={t('manage.edit.title')} closeLabel={t('manage.closeDialog')} size="xl">
      <Stack>
        {stale && (
          <Stack gap="xs" align="flex-start">
            <Text>{t('manage.edit.conflict')}</Text>
            <Button variant="outline" onClick={() => void onReload().then(() => reset())}>
              {t('manage.edit.reload')}
            </Button>
          </Stack>
        )}
        <MeetingForm
          key={meeting.version}
          initial={valuesOf(meeting)}
          submitLabel={t('manage.edit.submit')}
          loading={loading}
          error={incomplete ? t('manage.sessions.incomplete') : error ? message : null}
          onSubmit={submit}
        />
      </Stack>
    </Dialog>
  );
}
