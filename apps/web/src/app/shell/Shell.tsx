import { useQuery } from '@apollo/client/react';
import { Anchor, AppShell, Container, Group, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Loading } from '../../shared/components/States';
import { ReaderZoneProvider } from '../../shared/time/reader-zone';
import { urls } from '../urls';
import { SearchBox } from '../../search/components/SearchBox';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { useLiveNotifications } from './live-notifications';
import { ShellQuery } from './queries';

/** The frame of every signed-in page: the banner (navigation, account, language) and the main landmark. */
export function Shell() {
  const { t } = useTranslation();
  const { data } = useQuery(ShellQuery);
  useLiveNotifications();
  const unread = data?.unread.totalCount ?? 0;
  return (
    <ReaderZoneProvider profileZone={data?.me.timeZone}>
      <AppShell header={{ height: 64 }} padding="md">
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <AppShell.Header>
          <Container size="lg" h="100%">
            <Group h="100%" justify="space-between" wrap="nowrap">
              <Group gap="lg" wrap="nowrap">
                <Text fw={700} c="un.9" aria-hidden>
                  {t('appName')}
                </Text>
                <nav aria-label={t('nav.mainNavigation')}>
                  <Group gap="md" wrap="nowrap">
                    <Anchor component={NavLink} to={urls.home()} end fw={500}>
                      {t('nav.home')}
                    </Anchor>
                    <Anchor component={NavLink} to={urls.notifications()} fw={500}>
                      {unread > 0 ? t('nav.notificationsUnread', { count: unread }) : t('nav.notifications')}
                    </Anchor>
                  </Group>
                </nav>
              </Group>
              <Group gap="sm" wrap="nowrap">
                <SearchBox />
                <LanguageSwitch />
                <AccountMenu name={data?.me.name} />
              </Group>
            </Group>
          </Container>
        </AppShell.Header>
        <AppShell.Main id="main" tabIndex={-1}>
          <Container size="lg" py="md">
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </Container>
        </AppShell.Main>
      </AppShell>
    </ReaderZoneProvider>
  );
}
