import { Center, Container, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/shell/LanguageSwitch';
import { PageTitle } from '../../shared/components/PageTitle';

/** The frame of the pages before sign-in: a banner with the language switch, one card in main. */
export function AuthCard({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <header>
        <Container size="xs" py="md">
          <Stack gap={4} align="stretch">
            <Center>
              <Text fw={700} c="un.9" size="lg">
                {t('appName')}
              </Text>
            </Center>
            <Center>
              <LanguageSwitch />
            </Center>
          </Stack>
        </Container>
      </header>
      <main id="main">
        <Container size="xs" pb="xl">
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <PageTitle>{title}</PageTitle>
            <Text c="dimmed" mb="lg">
              {intro}
            </Text>
            {children}
          </Paper>
        </Container>
      </main>
    </>
  );
}
