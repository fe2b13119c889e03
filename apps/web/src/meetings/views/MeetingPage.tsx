import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Grid, Group, Text, Typography } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { urls } from '../../app/urls';
import { PageTitle } from '../../shared/components/PageTitle';
import { Section } from '../../shared/components/Section';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { DateTime } from '../../shared/time/DateTime';
import { renderMarkdown } from '../../terms/markdown';
import { AgendaList } from '../components/AgendaList';
import { DecisionList } from '../components/DecisionList';
import { RsvpButtons } from '../components/RsvpButtons';
import { SessionList } from '../components/SessionList';
import { AgendaEditor } from '../manage/AgendaEditor';
import { AttendancePanel } from '../manage/AttendancePanel';
import { MeetingControls } from '../manage/MeetingControls';
import { MinutesEditor } from '../manage/MinutesEditor';
import { useMeetingRoles } from '../manage/roles';
import { RunMeetingTools } from '../manage/RunMeetingTools';
import { MeetingQuery } from '../queries';

/**
 * /meetings/<id>: sessions in both zones, the agenda with its papers, the invitee's answer, decisions
 * and minutes; and for those who may run the meeting (SECRETARIAT, the group's chairs) the tools to
 * edit, announce, start and close it, edit its agenda, take attendance, record decisions and
 * actions, and write and approve the minutes. Everyone else reads.
 */
export function MeetingPage() {
  const { t } = useTranslation('meetings');
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(MeetingQuery, { variables: { id } });
  const roles = useMeetingRoles(data?.meeting?.initiative.slug);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const meeting = data.meeting;
  if (!meeting) return <NotFound />;
  const owner = meeting.workingGroup
    ? { to: urls.group(meeting.workingGroup.id), name: `${meeting.workingGroup.code} ${meeting.workingGroup.name}` }
    : { to: urls.initiative(meeting.initiative.slug), name: meeting.initiative.name };
  const minutes = meeting.minutes?.status === 'FINAL' ? meeting.minutes : null;
  const manages = !roles.loading && roles.mayManage(meeting.workingGroup?.id);
  const reload = () => refetch();
  const running = meeting.status === 'IN_PROGRESS' || meeting.status === 'CLOSED';
  const agendaOpen = ['DRAFT', 'ANNOUNCED', 'IN_PROGRESS'].includes(meeting.status);
  const recording = meeting.status === 'IN_PROGRESS' || (meeting.status === 'CLOSED' && !minutes);
  return (
    <>
      <Anchor component={Link} to={owner.to} size="sm">
        {t('breadcrumb', { name: owner.name })}
      </Anchor>
      <PageTitle>{meeting.title}</PageTitle>
      <Group gap="sm" mb="sm">
        <Badge variant="light">{t(`statuses.${meeting.status}`)}</Badge>
        <Text c="dimmed">{t('meetingNumber', { number: meeting.number })}</Text>
      </Group>
      {manages && <MeetingControls meeting={meeting} onReload={reload} />}
      {meeting.status === 'CANCELLED' && meeting.cancellationReason && (
        <Text mb="sm">{t('cancelled', { reason: meeting.cancellationReason })}</Text>
      )}
      <Text mb="xs">
        <Text span fw={600}>
          {t('venue')}:
        </Text>{' '}
        {meeting.venue ?? (meeting.onlineUrl ? t('online') : t('noVenue'))}
        {meeting.onlineUrl && (
          <>
            {' · '}
            <Anchor href={meeting.onlineUrl}>{meeting.onlineUrl}</Anchor>
          </>
        )}
      </Text>
      {meeting.purpose && (
        <Text mb="lg">
          <Text span fw={600}>
            {t('purpose')}:
          </Text>{' '}
          {meeting.purpose}
        </Text>
      )}
      {meeting.status === 'ANNOUNCED' && meeting.myParticipation && (
        <Section title={t('rsvp.title')}>
          <RsvpButtons meetingId={meeting.id} response={meeting.myParticipation.response} />
        </Section>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Section title={t('sessions')}>
            <SessionList sessions={meeting.sessions} meetingZone={meeting.timeZone} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Section title={t('agenda')}>
            {manages && agendaOpen ? (
              <AgendaEditor meeting={meeting} />
            ) : meeting.agenda.length === 0 ? (
              <EmptyState>{t('noAgenda')}</EmptyState>
            ) : (
              <AgendaList items={meeting.agenda} />
            )}
          </Section>
        </Grid.Col>
      </Grid>
      {manages && running && (
        <Section title={t('manage.attendance.title')}>
          <AttendancePanel meeting={meeting} />
        </Section>
      )}
      <Section title={t('decisions')}>
        {manages && recording && <RunMeetingTools meeting={meeting} mayUsePlanOf={(groupId) => roles.mayManage(groupId)} />}
        {meeting.decisions.length === 0 ? (
          <EmptyState>{t('noDecisions')}</EmptyState>
        ) : (
          <DecisionList decisions={meeting.decisions} />
        )}
      </Section>
      <Section title={t('minutes')}>
        {manages && running ? (
          <MinutesEditor meeting={meeting} onReload={reload} final={minutes && <FinalMinutes minutes={minutes} />} />
        ) : !minutes ? (
          <EmptyState>{t('noMinutes')}</EmptyState>
        ) : (
          <FinalMinutes minutes={minutes} />
        )}
      </Section>
    </>
  );
}

/** Approved minutes, rendered from their Markdown under the section's h2. */
function FinalMinutes({ minutes }: { minutes: { body: string; approvedAt?: string | null } }) {
  const { t } = useTranslation('meetings');
  return (
    <>
      {minutes.approvedAt && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('minutesApproved')} <DateTime value={minutes.approvedAt} />
        </Text>
      )}
      <Typography>
        {/* Sanitised by DOMPurify (terms/markdown.ts): the minutes' text never runs as code. */}
        <div dangerouslySetInnerHTML={{ __html: renderMarkdown(minutes.body, 3) }} />
      </Typography>
    </>
  );
}
