import { createContext, useContext, useEffect, useState } from 'react';
import { browserZone } from './format';

const ReaderZone = createContext<string>(browserZone());

/** The reader's zone for every time below: their profile's, else the browser's. */
export function ReaderZoneProvider({ profileZone, children }: { profileZone?: string | null; children: React.ReactNode }) {
  return <ReaderZone.Provider value={profileZone || browserZone()}>{children}</ReaderZone.Provider>;
}

export const useReaderZone = () => useContext(ReaderZone);

/** The current time, ticking every `everyMs` (relative times and countdowns move on their own). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
