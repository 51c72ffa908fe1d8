import type { TestStartEvent } from './events.js';
import type { FormatVersion, TestConfig, TestType } from './records.js';
import { isSummaryKey } from './result-block.js';
import { isEpisodeLine } from './simple-lines.js';
import { parseIntText, parseIntWithSuffix, parseKeyValueLine } from './values.js';

type ConfigReader = (value: string, config: TestConfig) => boolean;

function setInt(field: 'duration_ms' | 'target_pressure' | 'noise_level' | 'oom_probability' | 'fail_rate' | 'rate' | 'episodes', suffix: string): ConfigReader {
  return (value, config) => {
    const n = suffix ? parseIntWithSuffix(value, suffix) : parseIntText(value);
    if (n === null) return false;
    config[field] = n;
    return true;
  };
}

const READERS: Record<string, ConfigReader> = {
  duration: setInt('duration_ms', 'ms'),
  'target pressure': setInt('target_pressure', '%'),
  'noise level': setInt('noise_level', '%'),
  'oom injection': setInt('oom_probability', '%'),
  'failure rate': setInt('fail_rate', '%'),
  rate: setInt('rate', '/sec'),
  episodes: setInt('episodes', ''),
  'expect failures': (value, config) => {
    const v = value.trim().toLowerCase();
    if (v !== 'yes' && v !== 'no') return false;
    config.expect_failures = v === 'yes';
    return true;
  },
  seed: (value, config) => {
    const m = /^(\d+)(?: \(profile ([a-z0-9-]+)\))?$/.exec(value.trim());
    if (!m) return false;
    config.seed = m[1]!;
    if (m[2]) config.profile = m[2];
    return true;
  },
};

/** Header `Key: value` lines → config; keys not understood land in `extra`. */
export function parseTestConfig(header: ReadonlyArray<readonly [string, string]>): TestConfig {
  const config: TestConfig = { extra: {} };
  for (const [key, value] of header) {
    const reader = READERS[key.toLowerCase()];
    if (!reader || !reader(value, config)) config.extra[key] = value;
  }
  return config;
}

/** Collects the `Key: value` lines after a test title until a blank or any other line. */
export class HeaderBlock {
  readonly kind = 'header';
  private readonly lines: Array<[string, string]> = [];

  constructor(
    readonly title: string,
    readonly testType: TestType,
    readonly format: FormatVersion,
  ) {}

  accept(line: string): boolean {
    if (isEpisodeLine(line)) return false;
    const kv = parseKeyValueLine(line);
    if (!kv || kv.value === '' || isSummaryKey(kv.key)) return false;
    this.lines.push([kv.key, kv.value]);
    return true;
  }

  finish(): TestStartEvent {
    const header: Record<string, string> = {};
    for (const [k, v] of this.lines) header[k] = v;
    return {
      type: 'test-start',
      testType: this.testType,
      title: this.title,
      format: this.format,
      header,
      config: parseTestConfig(this.lines),
    };
  }
}
