import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../shared/time/DateTime';
import { useReaderZone } from '../../shared/time/reader-zone';

interface Session {
  id: string;
  title?: string | null;
  startsAt: string;
  endsAt: string;
}

/** The sessions in the reader's zone, and also in the meeting's own zone when the two differ. */
export function SessionList({ sessions, meetingZone }: { sessions: Session[]; meetingZone: string }) {
  const { t } = useTranslation('meetings');
  const readerZone = useReaderZone();
  const differs = readerZone !== meetingZone;
  return (
    <List aria-label={t('sessions')} spacing="sm" listStyleType="none" withPadding={false}>
      {sessions.map((session, i) => (
        <List.Item key={session.id}>
          <Text fw={600}>{session.title ?? t('sessionUntitled', { n: i + 1 })}</Text>
          <Text>
            <DateTime value={session.startsAt} /> – <DateTime value={session.endsAt} />
          </Text>
          {differs && (
            <Text size="sm" c="dimmed">
              {t('inMeetingZone', { zone: meetingZone })} <DateTime value={session.startsAt} zone={meetingZone} /> –{' '}
              <DateTime value={session.endsAt} zone={meetingZone} />
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
