import { type Client, createClient } from 'graphql-ws';
import { session } from '../auth/session';

/** Close code (4000–4999: the application's) with which the client restarts its own socket; graphql-ws reconnects after it. */
const RESTART = 4205;
/** The gateway's close code for a token that expired or was revoked while the socket was open (libs/platform live-errors.ts). */
const TOKEN_NO_LONGER_VALID = 4401;

/** ws: or wss: on this origin: the gateway serves /graphql over both HTTP and WebSocket. */
const liveUrl = () => `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;

/** 0.5 s, 1 s, 2 s … up to 30 s between reconnections, plus up to half a second so that clients do not all come back at once. */
const backOff = (retries: number) =>
  new Promise<void>((wake) => setTimeout(wake, Math.min(30_000, 500 * 2 ** retries) + Math.random() * 500));

/**
 * The graphql-ws client of live updates. The session's token goes in `connection_init` (the
 * gateway reads `authorization` there); it is read again on every connection, and a change of
 * session (sign in, sign out, a new token after changing the password) closes the socket, so
 * that the next one carries the new token and the subscriptions resume on it. The gateway
 * closing the socket because the token in use was revoked (signed out everywhere) ends the
 * session here too. Events sent while the socket was away are lost: `onReconnected` lets the
 * caller re-read what is on screen.
 */
export function createLiveClient(onReconnected: () => void): Client {
  let socket: WebSocket | null = null;
  let tokenInUse: string | null = null;
  let connections = 0;
  const client = createClient({
    url: liveUrl,
    lazy: true,
    retryAttempts: Infinity,
    // Every close the protocol leaves to us (network lost, gateway restarting) is retried.
    shouldRetry: () => true,
    retryWait: backOff,
    connectionParams: () => {
      tokenInUse = session.token();
      return tokenInUse ? { authorization: `Bearer ${tokenInUse}` } : {};
    },
    on: {
      opened: (opened) => {
        socket = opened as WebSocket;
      },
      connected: () => {
        connections += 1;
        if (connections > 1) onReconnected();
      },
      closed: (event) => {
        socket = null;
        const code = (event as CloseEvent | null)?.code;
        if (code === TOKEN_NO_LONGER_VALID && tokenInUse && session.token() === tokenInUse) session.signOut();
      },
    },
  });
  session.subscribe(() => {
    if (socket && session.token() !== tokenInUse && socket.readyState === WebSocket.OPEN) {
      socket.close(RESTART, 'Session changed');
    }
  });
  return client;
}
