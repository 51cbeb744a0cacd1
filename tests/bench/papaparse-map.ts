// Bench baseline: what an analyst would hand-roll in JavaScript, papaparse streaming referrals.csv into a Map of
// counts by school × month × service. Prints the seconds taken.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const file = process.argv[2] ?? '';
const started = performance.now();
const counts = new Map<string, number>();
await new Promise<void>((resolve, reject) => {
  Papa.parse<Record<string, string>>(createReadStream(file), {
    header: true,
    skipEmptyLines: true,
    step: (row) => {
      const r = row.data;
      const key = `${r.school_urn}|${(r.referral_date ?? '').slice(0, 7)}|${r.service}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    complete: () => resolve(),
    error: reject,
  });
});
console.log(`${((performance.now() - started) / 1000).toFixed(2)} s, ${counts.size} groups`);
