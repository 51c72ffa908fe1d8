import type { AutoctlStatusEvent } from './events.js';
import { parseIntText, parseIntWithSuffix, parseKeyValueLine } from './values.js';

/** `=== Autonomous Control Status ===` followed by `Key: value` lines (reference §1.6). */
export class AutoctlStatusBlock {
  readonly kind = 'autoctl-status';
  private readonly fields: Record<string, string> = {};
  private count = 0;

  get empty(): boolean {
    return this.count === 0;
  }

  accept(line: string): boolean {
    const kv = parseKeyValueLine(line);
    if (!kv || kv.value === '') return false;
    this.fields[kv.key] = kv.value;
    this.count += 1;
    return true;
  }

  finish(): AutoctlStatusEvent {
    const mode = this.fields['Mode'];
    const interval = this.fields['Decision Interval'];
    const decisions = this.fields['Total Decisions'];
    return {
      type: 'autoctl-status',
      fields: this.fields,
      enabled: mode === 'ENABLED' ? true : mode === 'DISABLED' ? false : null,
      decisionIntervalMs: interval === undefined ? null : parseIntWithSuffix(interval, 'ms'),
      totalDecisions: decisions === undefined ? null : parseIntText(decisions),
    };
  }
}
