import { useMutation } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { session } from '../../auth/session';
import { Dialog } from '../../shared/components/Dialog';
import { AlertForm } from '../../shared/components/AlertForm';
import { PasswordField } from '../../shared/components/PasswordField';
import { errorCode, useApiErrorMessage } from '../../shared/errors';
import { ChangeMyPasswordMutation } from '../queries';

export interface ChangePasswordDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The password was changed: this browser holds the new token, every other session has ended. */
  onChanged: () => void;
}

/**
 * Current password, new password and its confirmation. The answer is a new token (every other
 * token of the person stops working), which this browser keeps: it stays signed in.
 */
export function ChangePasswordDialog({ opened, onClose, onChanged }: ChangePasswordDialogProps) {
  const { t } = useTranslation('settings');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [change, { loading, error, reset }] = useMutation(ChangeMyPasswordMutation);
  const apiMessage = useApiErrorMessage(error);
  const message = mismatch
    ? t('password.mismatch')
    : error && errorCode(error) === 'UNAUTHENTICATED'
      ? t('password.wrongCurrent')
      : error
        ? apiMessage
        : null;
  const close = () => {
    setCurrent('');
    setNext('');
    setConfirm('');
    setMismatch(false);
    reset();
    onClose();
  };
  const submit = () => {
    setMismatch(next !== confirm);
    if (next !== confirm) return;
    change({ variables: { currentPassword: current, newPassword: next } }).then(
      ({ data }) => {
        if (!data) return;
        session.signIn(data.changeMyPassword.accessToken);
        close();
        onChanged();
      },
      () => undefined,
    );
  };
  return (
    <Dialog opened={opened} onClose={close} title={t('password.dialogTitle')} closeLabel={t('dialog.close')}>
      <AlertForm error={message} onSubmit={submit}>
        <PasswordField label={t('password.current')} autoComplete="current-password" value={current} onChange={setCurrent} />
        <PasswordField
          label={t('password.new')}
          description={t('password.newHelp')}
          autoComplete="new-password"
          value={next}
          onChange={setNext}
        />
        <PasswordField label={t('password.confirm')} autoComplete="new-password" value={confirm} onChange={setConfirm} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={close}>
            {t('dialog.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('password.save')}
          </Button>
        </Group>
      </AlertForm>
    </Dialog>
  );
}
