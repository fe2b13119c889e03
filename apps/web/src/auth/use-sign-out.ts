import { useApolloClient } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { urls } from '../app/urls';
import { session } from './session';

/** Ends the session in this browser: forgets the token and everything read with it, then shows the sign-in page. */
export function useSignOut(): () => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  return async () => {
    session.signOut();
    await client.clearStore();
    await navigate(urls.signIn());
  };
}
