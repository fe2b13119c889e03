import { useSyncExternalStore } from 'react';

/**
 * The signed-in person's access token. Kept in localStorage so that a reload or a new tab stays
 * signed in; it expires with the token (JWT_EXPIRES_IN) and is dropped on sign-out or when the
 * API answers UNAUTHENTICATED. The CSP forbids inline and foreign scripts, which is what keeps it safe.
 */
const KEY = 'wg.token';
const listeners = new Set<() => void>();

const notify = () => listeners.forEach((listener) => listener());

window.addEventListener('storage', (event) => {
  if (event.key === KEY) notify();
});

export const session = {
  token: (): string | null => localStorage.getItem(KEY),
  signIn(token: string): void {
    localStorage.setItem(KEY, token);
    notify();
  },
  signOut(): void {
    if (localStorage.getItem(KEY) === null) return;
    localStorage.removeItem(KEY);
    notify();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const useSessionToken = () => useSyncExternalStore(session.subscribe, session.token);
