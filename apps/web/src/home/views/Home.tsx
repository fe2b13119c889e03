import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { urls } from '../../app/urls';
import { PageTitle } from '../../shared/components/PageTitle';
import { Section } from '../../shared/components/Section';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { notificationLink } from '../../notifications/links';
import { DateTime } from '../../shared/time/DateTime';
import { useNow } from '../../shared/time/reader-zone';
import { MeetingsThisMonth } from '../../meetings/components/MeetingsSection';
import { HomeInitiativeQuery, HomeQuery } from '../queries';
import { dueSoon } from '../due-soon';

/** "What needs me": ballots awaiting my vote, my items due soon, my meetings this month, unread notifications. */
export function Home() {
  const { t } = useTranslation('home');
  const { data, error, refetch } = useQuery(HomeQuery);
  const now = useNow(60_000);
  const initiative = data?.initiatives[0];
  const perInitiative = useQuery(HomeInitiativeQuery, {
    variables: { initiativeId: initiative?.id ?? '' },
    skip: !initiative,
  });
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const progress = perInitiative.data;
  const ballots = progress?.initiativeProgress.openBallots.filter((b) => b.eligibleToVote && !b.myVote) ?? [];
  const items = progress
    ? dueSoon(
        [
          ...progress.initiativeProgress.workingGroups.flatMap((g) => g.progress.nextDue),
          ...progress.overdueItems.edges.map((e) => e.node),
        ],
        data.me.id,
        now,
      )
    : [];
  const unread = data.unread;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <Text mb="lg">{t('greeting', { name: data.me.name })}</Text>
      {!initiative && <EmptyState>{t('initiatives.none')}</EmptyState>}
      {initiative && (
        <>
          {perInitiative.error && <ErrorState error={perInitiative.error} onRetry={() => void perInitiative.refetch()} />}
          <Section title={t('ballots.title')}>
            {!progress ? (
              <Loading />
            ) : ballots.length === 0 ? (
              <EmptyState>{t('ballots.empty')}</EmptyState>
            ) : (
              <List spacing="sm" listStyleType="none" withPadding={false}>
                {ballots.map((ballot) => (
                  <List.Item key={ballot.id}>
                    <Anchor component={Link} to={urls.ballot(ballot.id)} fw={600}>
                      {ballot.termsOfReference.title}
                    </Anchor>
                    <Text size="sm">
                      {t('ballots.closes')} <DateTime value={ballot.closesAt} relative />
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <Section title={t('items.title')}>
            {!progress ? (
              <Loading />
            ) : items.length === 0 ? (
              <EmptyState>{t('items.empty')}</EmptyState>
            ) : (
              <List spacing="sm" listStyleType="none" withPadding={false}>
                {items.map((item) => (
                  <List.Item key={item.id}>
                    <Group gap="xs">
                      <Anchor component={Link} to={urls.group(item.workPlan.workingGroup.id)} fw={600}>
                        {item.workPlan.workingGroup.code}
                      </Anchor>
                      <Text fw={500}>{item.title}</Text>
                      {item.overdue && <Badge color="red">{t('items.overdue')}</Badge>}
                    </Group>
                    <Text size="sm">
                      {t('items.due')} <DateTime value={item.dueAt!} relative />
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <MeetingsThisMonth slug={initiative.slug} />
        </>
      )}
      <Section title={t('notifications.title')}>
        {unread.totalCount === 0 ? (
          <EmptyState>{t('notifications.empty')}</EmptyState>
        ) : (
          <Stack gap="sm">
            <List spacing="sm" listStyleType="none" withPadding={false}>
              {unread.edges.map(({ node }) => (
                <List.Item key={node.id}>
                  <Anchor component={Link} to={notificationLink(node)} fw={600}>
                    {node.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    <DateTime value={node.createdAt} relative />
                  </Text>
                </List.Item>
              ))}
            </List>
            <Anchor component={Link} to={urls.notifications()}>
              {unread.totalCount > unread.edges.length
                ? `${t('notifications.all')} (${t('notifications.more', { count: unread.totalCount - unread.edges.length })})`
                : t('notifications.all')}
            </Anchor>
          </Stack>
        )}
      </Section>
      {data.initiatives.length > 0 && (
        <Section title={t('initiatives.title')}>
          <List>
            {data.initiatives.map((i) => (
              <List.Item key={i.id}>
                <Anchor component={Link} to={urls.initiative(i.slug)}>
                  {i.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Section>
      )}
    </>
  );
}
