// Therapists in post and vacant each month (whole-time equivalents). Staff leave now and then, posts are refilled
// with a lag (mostly newly qualified staff in September and October), and the SLT establishment grows in the
// autumn after the early-years demand steps up.
import { SERVICES } from '../../src/contract/index.ts';
import { calendarMonth, formatMonth } from './calendar.ts';
import type { CsvWriter } from './csv.ts';
import type { Period } from './demand.ts';
import { WORKFORCE } from './parameters.ts';
import { Random } from './random.ts';

const tenth = (x: number): number => Math.round(x * 10) / 10;

/** The September on or after the step month: when a growth in establishment is funded. */
function growthMonth(period: Period): number {
  let m = period.stepMonth + 1;
  while (calendarMonth(m) !== 8) m++;
  return m;
}

export async function writeWorkforce(seed: number, period: Period, writer: CsvWriter): Promise<void> {
  const rng = new Random(seed, 4);
  const inPost = Object.fromEntries(SERVICES.map((s) => [s, WORKFORCE[s].establishment - WORKFORCE[s].initialVacant]));
  const grows = growthMonth(period);
  for (let m = period.first; m <= period.end; m++) {
    const autumn = calendarMonth(m) === 8 || calendarMonth(m) === 9;
    for (const service of SERVICES) {
      const plan = WORKFORCE[service];
      const establishment = plan.establishment + (m >= grows ? plan.growth : 0);
      let staff = inPost[service] ?? 0;
      if (rng.chance(0.2)) staff -= tenth(rng.uniform(0.4, 1));
      const vacant = establishment - staff;
      // The more posts are vacant the more recruitment there is, so vacancies hover around 1–3 FTE.
      const recruit = Math.min(0.6, 0.085 * vacant) + (autumn ? 0.15 : 0);
      if (vacant > 0.3 && rng.chance(recruit)) staff += Math.min(vacant, tenth(rng.uniform(0.6, 1)));
      staff = tenth(Math.max(establishment * 0.6, Math.min(establishment, staff)));
      inPost[service] = staff;
      const flushed = writer.write({
        month: formatMonth(m),
        service,
        fte_in_post: String(staff),
        fte_vacant: String(tenth(establishment - staff)),
      });
      if (flushed) await flushed;
    }
  }
}
