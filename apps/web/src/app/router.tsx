import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AcceptInvitation } from '../auth/views/AcceptInvitation';
import { SignIn } from '../auth/views/SignIn';
import { Home } from '../home/views/Home';
import { NotFound } from './NotFound';
import { RequireSession } from './RequireSession';
import { Shell } from './shell/Shell';

const GroupPage = lazy(() => import('../groups/views/GroupPage').then((m) => ({ default: m.GroupPage })));
const NotificationsPage = lazy(() =>
  import('../notifications/views/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const BallotPage = lazy(() => import('../ballots/views/BallotPage').then((m) => ({ default: m.BallotPage })));
const TermsPage = lazy(() => import('../terms/views/TermsPage').then((m) => ({ default: m.TermsPage })));
const SettingsPage = lazy(() => import('../settings/views/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const MeetingPage = lazy(() => import('../meetings/views/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const DecisionsPage = lazy(() => import('../meetings/views/DecisionsPage').then((m) => ({ default: m.DecisionsPage })));
const KpisPage = lazy(() => import('../kpis/views/KpisPage').then((m) => ({ default: m.KpisPage })));
const KpiPage = lazy(() => import('../kpis/views/KpiPage').then((m) => ({ default: m.KpiPage })));
const SearchPage = lazy(() => import('../search/views/SearchPage').then((m) => ({ default: m.SearchPage })));
const InitiativeOverview = lazy(() =>
  import('../initiatives/views/InitiativeOverview').then((m) => ({ default: m.InitiativeOverview })),
);

/** The routes of contract/ui.md. Pages other than sign-in load on demand, so the first page stays small. */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignIn /> },
  { path: '/invitation/:token', element: <AcceptInvitation /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <Home /> },
          { path: 'i/:slug', element: <InitiativeOverview /> },
          { path: 'i/:slug/kpis', element: <KpisPage /> },
          { path: 'i/:slug/decisions', element: <DecisionsPage /> },
          { path: 'i/:slug/kpis/:id', element: <KpiPage /> },
          { path: 'groups/:id', element: <GroupPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'ballots/:id', element: <BallotPage /> },
          { path: 'terms/:id', element: <TermsPage /> },
          { path: 'meetings/:id', element: <MeetingPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'search', element: <SearchPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
