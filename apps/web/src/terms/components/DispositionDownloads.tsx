import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDisposition, type DispositionFormat } from '../disposition';

/** "Disposition of comments": every comment and amendment with its status and resolution, as Markdown or CSV. */
export function DispositionDownloads({ id, fileStem }: { id: string; fileStem: string }) {
  const { t } = useTranslation('terms');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const download = (format: DispositionFormat) => {
    setError(null);
    setDone(null);
    downloadDisposition(id, format, fileStem).then(
      (status) =>
        status === null
          ? setDone(t('disposition.done', { format: format.toUpperCase() }))
          : setError(t('disposition.failed', { status })),
      () => setError(t('disposition.offline')),
    );
  };
  return (
    <Stack gap="xs">
      <Text size="sm">{t('disposition.intro')}</Text>
      <Group gap="xs">
        <Button variant="outline" size="xs" onClick={() => download('md')}>
          {t('disposition.markdown')}
        </Button>
        <Button variant="outline" size="xs" onClick={() => download('csv')}>
          {t('disposition.csv')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {done && (
        <Text size="sm" role="status">
          {done}
        </Text>
      )}
    </Stack>
  );
}
