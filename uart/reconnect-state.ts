import type { PortError } from './port.js';

/** Every state carries `droppedBytes`: host writes discarded while no connection was up. */
export type ReconnectState =
  /** `attempt` counts from 1 since the last connection was up; 0 before `open()`. */
  | { readonly status: 'connecting'; readonly attempt: number; readonly droppedBytes: number }
  | { readonly status: 'connected'; readonly droppedBytes: number }
  | {
      readonly status: 'waiting';
      /** The attempt that runs at `retryAtMs`, counted since the last connection was up. */
      readonly attempt: number;
      /** On the port's clock (`HostClock.now`). */
      readonly retryAtMs: number;
      readonly delayMs: number;
      readonly lastError: PortError;
      readonly droppedBytes: number;
    }
  /** Final: closed by the host (`reason` undefined) or for good with `reconnect: false`. */
  | { readonly status: 'disconnected'; readonly reason?: PortError; readonly droppedBytes: number };

/** Bytes moved over every connection so far: received from and handed to the far end. */
export interface Traffic {
  readonly rxBytes: number;
  readonly txBytes: number;
}
