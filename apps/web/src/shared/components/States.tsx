import type { ErrorLike } from '@apollo/client';
import { Alert, Button, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiErrorMessage } from '../errors';

/** While a page's data loads: a labelled spinner that screen readers announce. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed">{t('states.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** An API error, in role alert, with a way to try again. */
export function ErrorState({ error, onRetry }: { error: ErrorLike; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useApiErrorMessage(error);
  return (
    <Alert color="red" title={t('states.errorTitle')} role="alert" my="md">
      <Stack gap="sm" align="flex-start">
        <Text>{message}</Text>
        {onRetry && (
          <Button variant="outline" color="red" onClick={onRetry}>
            {t('states.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Nothing to show: said in words, never a blank area. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" bg="gray.0">
      <Text c="dimmed">{children}</Text>
    </Paper>
  );
}
