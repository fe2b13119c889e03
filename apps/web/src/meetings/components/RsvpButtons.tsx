import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RsvpResponse } from '../../gql/graphql';
import { useApiErrorMessage } from '../../shared/errors';
import { MeetingQuery, RespondToMeetingMutation } from '../queries';

/** An invitee's answer to an announced meeting; the saved answer is said in role status. */
export function RsvpButtons({ meetingId, response }: { meetingId: string; response: RsvpResponse }) {
  const { t } = useTranslation('meetings');
  const [saved, setSaved] = useState<RsvpResponse | null>(null);
  const [respond, { loading, error }] = useMutation(RespondToMeetingMutation, {
    refetchQueries: [{ query: MeetingQuery, variables: { id: meetingId } }],
    awaitRefetchQueries: true,
  });
  const message = useApiErrorMessage(error);
  const answer = async (value: RsvpResponse) => {
    setSaved(null);
    const result = await respond({ variables: { meetingId, response: value } }).catch(() => null);
    if (result?.data) setSaved(result.data.respondToMeeting.response);
  };
  const label = (value: RsvpResponse) => (value === 'ATTENDING' ? t('rsvp.attending') : t('rsvp.notAttending'));
  return (
    <Stack gap="sm" align="flex-start">
      <Text>{t(`rsvp.current.${response}`)}</Text>
      <Group role="group" aria-label={t('rsvp.question')}>
        {(['ATTENDING', 'NOT_ATTENDING'] as const).map((value) => (
          <Button
            key={value}
            variant={response === value ? 'filled' : 'outline'}
            aria-pressed={response === value}
            loading={loading}
            onClick={() => void answer(value)}
          >
            {label(value)}
          </Button>
        ))}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      )}
      <div role="status">{saved && t('rsvp.saved', { answer: label(saved) })}</div>
    </Stack>
  );
}
