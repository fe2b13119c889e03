import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ShellQuery } from '../../app/shell/queries';
import { PageTitle } from '../../shared/components/PageTitle';
import { EmptyState, ErrorState, Loading } from '../../shared/components/States';
import { useApiErrorMessage } from '../../shared/errors';
import { DateTime } from '../../shared/time/DateTime';
import { notificationLink } from '../links';
import { MarkReadMutation, NotificationsQuery } from '../queries';

/** /notifications: newest first, unread ones marked; "Mark all read". */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const { data, error, refetch } = useQuery(NotificationsQuery);
  const [markRead, marking] = useMutation(MarkReadMutation, { refetchQueries: [NotificationsQuery, ShellQuery] });
  const [done, setDone] = useState<number | null>(null);
  const markError = useApiErrorMessage(marking.error);
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const notifications = data.myNotifications.edges.map((e) => e.node);
  const unread = notifications.filter((n) => !n.readAt).map((n) => n.id);
  const mark = (ids: string[]) =>
    markRead({ variables: { ids } }).then(
      ({ data: result }) => setDone(result?.markNotificationsRead ?? 0),
      () => setDone(null),
    );
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('title')}</PageTitle>
        <Button onClick={() => void mark(unread)} disabled={unread.length === 0} loading={marking.loading}>
          {t('markAllRead')}
        </Button>
      </Group>
      {marking.error && (
        <Alert color="red" role="alert" mb="md">
          {markError}
        </Alert>
      )}
      <Text role="status" mb="sm" size="sm">
        {done !== null ? t('markedRead', { count: done }) : ''}
      </Text>
      {notifications.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <Stack component="ul" aria-label={t('listLabel')} gap="sm" p={0} style={{ listStyle: 'none' }}>
          {notifications.map((n) => (
            <Paper component="li" key={n.id} withBorder p="md" radius="md" bg={n.readAt ? undefined : 'un.0'}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Group gap="xs" mb={4}>
                    {!n.readAt && <Badge color="un">{t('unread')}</Badge>}
                    <Badge variant="outline" color="gray">
                      {t(`kind.${n.kind}`)}
                    </Badge>
                  </Group>
                  <Anchor component={Link} to={notificationLink(n)} fw={600}>
                    {n.title}
                  </Anchor>
                  <Text size="sm">{n.body}</Text>
                  <Text size="sm" c="dimmed">
                    <DateTime value={n.createdAt} relative />
                  </Text>
                  {n.dueAt && (
                    <Text size="sm">
                      {t('due')}: <DateTime value={n.dueAt} relative />
                    </Text>
                  )}
                </div>
                {!n.readAt && (
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() => void mark([n.id])}
                    aria-label={`${t('markRead')}: ${n.title}`}
                  >
                    {t('markRead')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
