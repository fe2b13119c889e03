import { useMutation } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { urls } from '../../app/urls';
import { Dialog } from '../../shared/components/Dialog';
import { useApiErrorMessage } from '../../shared/errors';
import { useReaderZone } from '../../shared/time/reader-zone';
import { ScheduleMeetingMutation } from '../mutations';
import { emptyMeeting, meetingInput, MeetingForm, type MeetingFormValues } from './MeetingForm';
import { useMeetingRoles } from './roles';

interface Props {
  slug: string;
  initiativeId: string;
  /** On a group's page: the meeting is that group's. */
  groupId?: string;
}

/**
 * Button "Schedule a meeting" for those who may (SECRETARIAT on the initiative's page, a group's
 * chairs on their group's page); the dialog creates a DRAFT meeting and opens its page.
 */
export function ScheduleMeetingButton({ slug, initiativeId, groupId }: Props) {
  const { t } = useTranslation('meetings');
  const roles = useMeetingRoles(slug);
  const readerZone = useReaderZone();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [incomplete, setIncomplete] = useState(false);
  const [schedule, { loading, error, reset }] = useMutation(ScheduleMeetingMutation, {
    refetchQueries: ['InitiativeMeetings', 'GroupMeetings'],
  });
  const message = useApiErrorMessage(error);
  if (roles.loading || !roles.mayManage(groupId ?? null)) return null;
  const owners = groupId
    ? undefined
    : {
        plenary: roles.isSecretariat,
        groups: roles.groups.filter((g) => roles.mayManage(g.id)),
      };
  const submit = (values: MeetingFormValues) => {
    const input = meetingInput(values);
    setIncomplete(!input);
    if (!input) return;
    const workingGroupId = groupId ?? (values.groupId || null);
    void schedule({ variables: { input: { ...input, initiativeId, workingGroupId } } }).then(
      (result) => result.data && navigate(urls.meeting(result.data.scheduleMeeting.id)),
      () => undefined,
    );
  };
  const close = () => {
    reset();
    setIncomplete(false);
    setOpened(false);
  };
  return (
    <>
      <Button onClick={() => setOpened(true)} mb="md">
        {t('manage.schedule.open')}
      </Button>
      <Dialog opened={opened} onClose={close} title={t('manage.schedule.title')} closeLabel={t('manage.closeDialog')} size="xl">
        <MeetingForm
          initial={emptyMeeting(readerZone, groupId ?? '')}
          owners={owners}
          submitLabel={t('manage.schedule.submit')}
          loading={loading}
          error={incomplete ? t('manage.sessions.incomplete') : error ? message : null}
          onSubmit={submit}
        />
      </Dialog>
    </>
  );
}
