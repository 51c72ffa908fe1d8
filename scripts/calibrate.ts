import { PROFILE_NAMES } from '../kernel/index.js';
import { measureProfile } from './calibrate/measure.js';
import { ROWS } from './calibrate/rows.js';

/** `npm run calibrate [SEEDS]`: every calibration row of every profile over seeds 1..SEEDS (default 30). */
const seeds = Number(process.argv[2] ?? 30);
const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));
let failures = 0;
for (const profile of PROFILE_NAMES) {
  const results = measureProfile(profile, ROWS[profile] ?? [], seeds);
  console.log(`\nprofile ${profile} (${seeds} seeds, fresh kernel per seed)\n`);
  console.log('| row | reference | range | model mean ± sd | 95 % of runs | inside |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    if (!r.inside) failures++;
    const range = `${r.row.range[0]}-${r.row.range[1]}`;
    console.log(`| ${r.row.label} (\`${r.row.command}\`) | ${r.row.reference} | ${range} | ${fmt(r.mean)} ± ${fmt(r.sd)} | ${fmt(r.interval[0])}-${fmt(r.interval[1])} | ${r.inside ? 'yes' : 'no'} |`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
