import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../../auth/use-sign-out';
import { Dialog } from '../../shared/components/Dialog';
import { useApiErrorMessage } from '../../shared/errors';
import { SignOutEverywhereMutation } from '../queries';

/** Confirms, then ends every session of the person (this one included) and shows the sign-in page. */
export function SignOutEverywhereDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const signOut = useSignOut();
  const [signOutEverywhere, { loading, error, reset }] = useMutation(SignOutEverywhereMutation);
  const message = useApiErrorMessage(error);
  const close = () => {
    reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={close} title={t('everywhere.dialogTitle')} closeLabel={t('dialog.close')}>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Text>{t('everywhere.explain')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('dialog.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={loading}
            onClick={() =>
              void signOutEverywhere().then(
                () => signOut(),
                () => undefined,
              )
            }
          >
            {t('everywhere.confirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
