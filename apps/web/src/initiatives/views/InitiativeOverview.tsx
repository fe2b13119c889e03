import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { urls } from '../../app/urls';
import { NotFound } from '../../app/NotFound';
import { PageTitle } from '../../shared/components/PageTitle';
import { ProgressCell } from '../../shared/components/ProgressCell';
import { Section } from '../../shared/components/Section';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { CalendarDate, DateTime } from '../../shared/time/DateTime';
import { InitiativeMeetings } from '../../meetings/components/MeetingsSection';
import { ScheduleMeetingButton } from '../../meetings/manage/ScheduleMeetingButton';
import { InitiativeProgressQuery, InitiativeQuery } from '../queries';

/** /i/<slug>: the initiative, its terms of reference and open ballots, and a table of its groups' progress. */
export function InitiativeOverview() {
  const { t } = useTranslation('initiatives');
  const { slug = '' } = useParams();
  const { data, error, refetch } = useQuery(InitiativeQuery, { variables: { slug } });
  const initiative = data?.initiative;
  const progress = useQuery(InitiativeProgressQuery, { variables: { initiativeId: initiative?.id ?? '' }, skip: !initiative });
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  if (!initiative) return <NotFound />;
  const p = progress.data?.initiativeProgress;
  return (
    <>
      <PageTitle>{initiative.name}</PageTitle>
      {initiative.launchedOn && (
        <Text c="dimmed" mb="xs">
          {t('launched', { date: '' })}
          <CalendarDate value={initiative.launchedOn} />
        </Text>
      )}
      {initiative.description && <Text mb="lg">{initiative.description}</Text>}
      <Group mb="lg" gap="sm">
        <Text fw={600}>{t('terms')}:</Text>
        {initiative.termsOfReference ? (
          <>
            <Anchor component={Link} to={urls.terms(initiative.termsOfReference.id)}>
              {initiative.termsOfReference.title}
            </Anchor>
            <Badge variant="light">{t(`documentStatus.${initiative.termsOfReference.status}`)}</Badge>
          </>
        ) : (
          <Text>{t('noTerms')}</Text>
        )}
      </Group>
      <Group gap="lg" mb="lg">
        <Anchor component={Link} to={urls.kpis(slug)}>
          {t('kpis')}
        </Anchor>
        <Anchor component={Link} to={urls.decisions(slug)}>
          {t('decisions')}
        </Anchor>
      </Group>
      {progress.error && <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />}
      {!p ? (
        <Loading />
      ) : (
        <>
          {p.openBallots.length > 0 && (
            <Section title={t('openBallots')}>
              <List spacing="xs">
                {p.openBallots.map((ballot) => (
                  <List.Item key={ballot.id}>
                    <Anchor component={Link} to={urls.ballot(ballot.id)}>
                      {ballot.termsOfReference.title}
                    </Anchor>{' '}
                    <Text span size="sm">
                      ({t('closes')} <DateTime value={ballot.closesAt} relative />)
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Section>
          )}
          <Section title={t('groups.title')}>
            {p.workingGroups.length === 0 ? (
              <EmptyState>{t('groups.empty')}</EmptyState>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover verticalSpacing="sm">
                  <Table.Caption>
                    {t('groups.caption', { time: '' })}
                    <DateTime value={p.asOf} />
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('groups.group')}</Table.Th>
                      <Table.Th scope="col">{t('groups.status')}</Table.Th>
                      <Table.Th scope="col">{t('groups.plan')}</Table.Th>
                      <Table.Th scope="col">{t('groups.items')}</Table.Th>
                      <Table.Th scope="col">{t('groups.done')}</Table.Th>
                      <Table.Th scope="col">{t('groups.overdue')}</Table.Th>
                      <Table.Th scope="col">{t('groups.progress')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.workingGroups.map(({ workingGroup: g, workPlan, progress: gp }) => (
                      <Table.Tr key={g.id}>
                        <Table.Th scope="row">
                          <Anchor component={Link} to={urls.group(g.id)}>
                            {g.code} {g.name}
                          </Anchor>
                        </Table.Th>
                        <Table.Td>{t(`groupStatus.${g.status}`)}</Table.Td>
                        <Table.Td>{workPlan ? t(`planStatus.${workPlan.status}`) : t('groups.noPlan')}</Table.Td>
                        <Table.Td>{gp.total}</Table.Td>
                        <Table.Td>{gp.done}</Table.Td>
                        <Table.Td>{gp.overdue > 0 ? <Badge color="red">{gp.overdue}</Badge> : gp.overdue}</Table.Td>
                        <Table.Td>
                          <ProgressCell value={gp.percentComplete} label={t('groups.progressOf', { code: g.code })} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th scope="row">{t('groups.total')}</Table.Th>
                      <Table.Td />
                      <Table.Td />
                      <Table.Td>{p.totals.total}</Table.Td>
                      <Table.Td>{p.totals.done}</Table.Td>
                      <Table.Td>{p.totals.overdue}</Table.Td>
                      <Table.Td>
                        <ProgressCell value={p.totals.percentComplete} label={t('groups.total')} />
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            )}
          </Section>
        </>
      )}
      <InitiativeMeetings slug={slug} />
      <ScheduleMeetingButton slug={slug} initiativeId={initiative.id} />
    </>
  );
}
