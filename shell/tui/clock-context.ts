import { createContext, useContext } from 'react';
import { systemClock, type HostClock } from '../../uart/index.js';

/**
 * The console's clock, for components and hooks below `App`: the one the scrollback, the live
 * feed and the link run on. Without a provider it is the system clock.
 */
export const ClockContext = createContext<HostClock>(systemClock);

export function useHostClock(): HostClock {
  return useContext(ClockContext);
}
