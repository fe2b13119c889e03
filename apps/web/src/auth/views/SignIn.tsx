import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { urls } from '../../app/urls';
import { errorCode, retryAfterSeconds, useApiErrorMessage } from '../../shared/errors';
import { AuthCard } from '../components/AuthCard';
import { SignInForm } from '../components/SignInForm';
import { LoginMutation } from '../mutations';
import { session, useSessionToken } from '../session';

/** Where to go after signing in: only a path of this site (never another origin). */
export const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : urls.home());

export function SignIn() {
  const { t } = useTranslation('auth');
  const token = useSessionToken();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [login, { loading, error }] = useMutation(LoginMutation);
  const [failed, setFailed] = useState(false);
  const apiMessage = useApiErrorMessage(error);
  if (token && !loading) return <Navigate to={next} replace />;
  const retryAfter = retryAfterSeconds(error);
  const message = failed
    ? t('signIn.failed')
    : retryAfter !== null
      ? t('signIn.rateLimited', { count: retryAfter })
      : error
        ? apiMessage
        : null;
  return (
    <AuthCard title={t('signIn.title')} intro={t('signIn.intro')}>
      <SignInForm
        busy={loading}
        error={message}
        onSubmit={(email, password) => {
          setFailed(false);
          login({ variables: { email, password } }).then(
            async ({ data }) => {
              if (!data) return;
              session.signIn(data.login.accessToken);
              await navigate(next, { replace: true });
            },
            (err: Error) => setFailed(errorCode(err) === 'UNAUTHENTICATED'),
          );
        }}
      />
    </AuthCard>
  );
}
