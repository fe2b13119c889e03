import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { SignIn } from '../auth/views/SignIn';
import { Home } from '../home/views/Home';
import { NotFound } from './NotFound';
import { RequireSession } from './RequireSession';
import { Shell } from './shell/Shell';

const InitiativeOverview = lazy(() =>
  import('../initiatives/views/InitiativeOverview').then((m) => ({ default: m.InitiativeOverview })),
);

/** The routes of contract/ui.md. Pages other than sign-in load on demand, so the first page stays small. */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignIn /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <Home /> },
          { path: 'i/:slug', element: <InitiativeOverview /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
