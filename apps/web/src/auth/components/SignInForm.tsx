import { Button, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertForm } from '../../shared/components/AlertForm';
import { PasswordField } from '../../shared/components/PasswordField';

export interface SignInFormProps {
  busy: boolean;
  error: string | null;
  onSubmit: (email: string, password: string) => void;
}

/** Textboxes "Email" and "Password", button "Sign in"; a refused sign-in in role alert. */
export function SignInForm({ busy, error, onSubmit }: SignInFormProps) {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <AlertForm error={error} onSubmit={() => onSubmit(email.trim(), password)}>
      <TextInput
        label={t('signIn.email')}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.currentTarget.value)}
      />
      <PasswordField label={t('signIn.password')} autoComplete="current-password" value={password} onChange={setPassword} />
      <Button type="submit" loading={busy} fullWidth mt="sm">
        {t('signIn.submit')}
      </Button>
    </AlertForm>
  );
}
