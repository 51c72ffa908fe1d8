import type { ParserEvent } from '../../parser/index.js';
import type { ChaosMarkOutcome, LiveSnapshot } from '../../tui/live-state/index.js';

export interface ChaosPoint {
  /** Seconds since the test started (the last `stress_elapsed_ms` seen). */
  t: number;
  name: string;
  outcome: ChaosMarkOutcome;
}

/**
 * The whole run's pressure series and chaos events, kept in the page from `parsed` messages
 * (the server's live state keeps only the last 200 points). Restarts at each test header.
 */
export interface RunSeries {
  readonly times: number[];
  readonly pressure: number[];
  readonly chaos: ChaosPoint[];
  /** The autonomy controller during the run: decision ticks, and ticks that acted (last action text). */
  readonly autonomy: { decisions: number; actions: number; lastAction: string | null };
  /** Increases with every change; views redraw when it moves. */
  readonly version: number;
  apply(event: ParserEvent): boolean;
  /** A late viewer starts from the live state's last points, spread over the elapsed time. */
  seed(live: LiveSnapshot): void;
}

/** `[AUTONOMY]` lines every decision tick prints; any other one is an intervention. */
const ROUTINE = /^(Telemetry:|Meta-agent directives:|No action needed)/;

/** Points kept per run: an hour at the model's ten METRIC lines per second. */
const MAX_POINTS = 36_000;

export function createRunSeries(): RunSeries {
  const times: number[] = [];
  const pressure: number[] = [];
  const chaos: ChaosPoint[] = [];
  const autonomy = { decisions: 0, actions: 0, lastAction: null as string | null };
  let elapsedS = 0;
  let version = 0;

  const reset = (): void => {
    times.length = 0;
    pressure.length = 0;
    chaos.length = 0;
    elapsedS = 0;
    autonomy.decisions = 0;
    autonomy.actions = 0;
    autonomy.lastAction = null;
  };

  return {
    times,
    pressure,
    chaos,
    autonomy,
    get version() {
      return version;
    },
    apply(event) {
      switch (event.type) {
        case 'test-start':
          reset();
          break;
        case 'metric':
          if (event.name === 'stress_elapsed_ms') {
            elapsedS = event.value / 1000;
            return false;
          }
          if (event.name !== 'stress_pressure_pct' || times.length >= MAX_POINTS) return false;
          times.push(elapsedS);
          pressure.push(event.value);
          break;
        case 'chaos-event':
          if (chaos.length >= MAX_POINTS) return false;
          chaos.push({ t: elapsedS, name: event.name, outcome: event.outcome?.status ?? 'unknown' });
          break;
        case 'autonomy':
          if (event.tag !== 'AUTONOMY') return false;
          if (/^Starting decision tick/.test(event.message)) autonomy.decisions += 1;
          else if (!ROUTINE.test(event.message)) {
            autonomy.actions += 1;
            autonomy.lastAction = event.message;
          } else return false;
          break;
        default:
          return false;
      }
      version += 1;
      return true;
    },
    seed(live) {
      reset();
      const test = live.test;
      if (test === null) return;
      const points = test.pressure.series;
      const end = (test.progress.elapsedMs ?? points.length * 100) / 1000;
      points.forEach((value, i) => {
        times.push((end * (i + 1)) / points.length);
        pressure.push(value);
      });
      for (const mark of test.chaos.timeline) chaos.push({ t: end, name: mark.name, outcome: mark.outcome });
      elapsedS = end;
      version += 1;
    },
  };
}
