import { useMutation } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { urls } from '../../app/urls';
import { AlertForm } from '../../shared/components/AlertForm';
import { PasswordField } from '../../shared/components/PasswordField';
import { errorCode, useApiErrorMessage } from '../../shared/errors';
import { AuthCard } from '../components/AuthCard';
import { AcceptInvitationMutation } from '../mutations';
import { session } from '../session';

const PASSWORD_MIN = 10;

/** /invitation/<token>: the link of the invitation e-mail; sets a password and lands signed in. */
export function AcceptInvitation() {
  const { t } = useTranslation('auth');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [accept, { loading, error }] = useMutation(AcceptInvitationMutation);
  const apiMessage = useApiErrorMessage(error);
  const submit = () => {
    if (password.length < PASSWORD_MIN) return setProblem(t('invitation.tooShort'));
    if (password !== confirm) return setProblem(t('invitation.mismatch'));
    setProblem(null);
    accept({ variables: { token, password } }).then(
      async ({ data }) => {
        if (!data) return;
        session.signIn(data.acceptInvitation.accessToken);
        await navigate(urls.home(), { replace: true });
      },
      (err: Error) => {
        const code = errorCode(err);
        if (code === 'NOT_FOUND' || code === 'UNAUTHENTICATED' || code === 'CONFLICT') setProblem(t('invitation.invalid'));
      },
    );
  };
  const message = problem ?? (error ? apiMessage : null);
  return (
    <AuthCard title={t('invitation.title')} intro={t('invitation.intro')}>
      <AlertForm error={message} onSubmit={submit}>
        <PasswordField label={t('invitation.password')} autoComplete="new-password" value={password} onChange={setPassword} />
        <PasswordField label={t('invitation.confirm')} autoComplete="new-password" value={confirm} onChange={setConfirm} />
        <Button type="submit" loading={loading} fullWidth mt="sm">
          {t('invitation.submit')}
        </Button>
      </AlertForm>
    </AuthCard>
  );
}
