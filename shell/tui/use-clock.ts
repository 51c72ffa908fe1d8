import { useEffect, useState } from 'react';

/** Wall ms (`performance.now`, the live store's clock), advancing every `everyMs` while `active`. */
export function useClock(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    setNow(performance.now());
    const timer = setInterval(() => setNow(performance.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
