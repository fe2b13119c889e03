import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { urls } from '../../app/urls';
import type { MeetingSummaryFragment } from '../../gql/graphql';
import { EmptyState } from '../../shared/components/States';
import { DateTime } from '../../shared/time/DateTime';

/** Meetings as a list: the title linking to the meeting's page, its first session and its status. */
export function MeetingList({ meetings, empty }: { meetings: MeetingSummaryFragment[]; empty: string }) {
  const { t } = useTranslation('meetings');
  if (meetings.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <List spacing="sm" listStyleType="none" withPadding={false}>
      {meetings.map((meeting) => (
        <List.Item key={meeting.id}>
          <Group gap="xs">
            <Anchor component={Link} to={urls.meeting(meeting.id)} fw={600}>
              {meeting.title}
            </Anchor>
            <Badge variant="light" size="sm">
              {t(`statuses.${meeting.status}`)}
            </Badge>
          </Group>
          <Text size="sm">
            {t('list.firstSession')} <DateTime value={meeting.startsAt} />
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
