import { useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummaryFragment } from '../../gql/graphql';
import { Section } from '../../shared/components/Section';
import { ErrorState, Loading } from '../../shared/components/States';
import { useNow, useReaderZone } from '../../shared/time/reader-zone';
import { GroupMeetingsQuery, InitiativeMeetingsQuery } from '../list-queries';
import { monthBounds } from '../month';
import { MeetingList } from './MeetingList';

interface SectionProps {
  title: string;
  empty: string;
  meetings: MeetingSummaryFragment[] | undefined;
  error?: ErrorLike;
  onRetry: () => void;
}

/** A titled list of meetings with its loading and error states. */
function MeetingsSection({ title, empty, meetings, error, onRetry }: SectionProps) {
  return (
    <Section title={title}>
      {error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : !meetings ? (
        <Loading />
      ) : (
        <MeetingList meetings={meetings} empty={empty} />
      )}
    </Section>
  );
}

/** The "Meetings" section of an initiative's page: its plenaries and its groups' meetings. */
export function InitiativeMeetings({ slug }: { slug: string }) {
  const { t } = useTranslation('meetings');
  const { data, error, refetch } = useQuery(InitiativeMeetingsQuery, { variables: { slug } });
  const meetings = data && (data.initiative?.meetings.edges.map((e) => e.node) ?? []);
  return (
    <MeetingsSection
      title={t('list.title')}
      empty={t('list.empty')}
      meetings={meetings}
      error={error}
      onRetry={() => void refetch()}
    />
  );
}

/** The "Meetings" section of a working group's page. */
export function GroupMeetings({ groupId }: { groupId: string }) {
  const { t } = useTranslation('meetings');
  const { data, error, refetch } = useQuery(GroupMeetingsQuery, { variables: { id: groupId } });
  const meetings = data && (data.workingGroup?.meetings.edges.map((e) => e.node) ?? []);
  return (
    <MeetingsSection
      title={t('list.title')}
      empty={t('list.empty')}
      meetings={meetings}
      error={error}
      onRetry={() => void refetch()}
    />
  );
}

/** The home page's "Meetings this month": the reader's invitations whose first session falls in this month (reader's zone). */
export function MeetingsThisMonth({ slug }: { slug: string }) {
  const { t } = useTranslation('meetings');
  const zone = useReaderZone();
  // Ticks hourly, so a page left open moves on to the next month.
  const now = useNow(3_600_000);
  const { from, to } = useMemo(() => monthBounds(now, zone), [now, zone]);
  const { data, error, refetch } = useQuery(InitiativeMeetingsQuery, { variables: { slug, from, to } });
  const meetings = data && (data.initiative?.meetings.edges.map((e) => e.node).filter((m) => m.myParticipation) ?? []);
  return (
    <MeetingsSection
      title={t('month.title')}
      empty={t('month.empty')}
      meetings={meetings}
      error={error}
      onRetry={() => void refetch()}
    />
  );
}
