import { useApolloClient, useSubscription } from '@apollo/client/react';
import { NotificationAddedSubscription } from './queries';

/** The queries that show notifications: re-read (those on screen only) when one arrives. */
const SHOWING_NOTIFICATIONS = ['Shell', 'Notifications', 'Home'];

/** Keeps the banner's "Notifications (n)" and the notification lists current as notifications arrive. */
export function useLiveNotifications(): void {
  const client = useApolloClient();
  useSubscription(NotificationAddedSubscription, {
    onData: () => void client.refetchQueries({ include: SHOWING_NOTIFICATIONS }),
  });
}
