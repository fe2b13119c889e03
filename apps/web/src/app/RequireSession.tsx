import { Navigate, Outlet, useLocation } from 'react-router';
import { useSessionToken } from '../auth/session';
import { urls } from './urls';

/** Signed-in routes: without a session, go to sign-in and come back here afterwards. */
export function RequireSession() {
  const token = useSessionToken();
  const location = useLocation();
  if (!token) return <Navigate to={urls.signIn(location.pathname + location.search)} replace />;
  return <Outlet />;
}
