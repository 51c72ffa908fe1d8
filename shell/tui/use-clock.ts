import { useEffect, useState } from 'react';
import { repeatTimer } from '../../uart/index.js';
import { useHostClock } from './clock-context.js';

/** The console clock's `now()` (the live store's clock), advancing every `everyMs` while `active`. */
export function useClock(active: boolean, everyMs = 1000): number {
  const clock = useHostClock();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    if (!active) return;
    setNow(clock.now());
    return repeatTimer(clock, () => setNow(clock.now()), everyMs);
  }, [active, everyMs, clock]);
  return now;
}
