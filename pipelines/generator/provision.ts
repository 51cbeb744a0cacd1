// Therapy delivered: for each school, month, service and delivery model, sessions and therapist hours. Specialist
// (one-to-one) and targeted (small-group) work is sized by the school's expected referrals at the default area
// volume, so it does not grow with --referrals-per-year; universal work is a named programme in some schools, and
// the planted adopter starts Talk Boost part-way through the history.
import { SERVICES, type Service } from '../../src/contract/index.ts';
import { calendarMonth, formatMonth } from './calendar.ts';
import type { CsvWriter } from './csv.ts';
import type { Period } from './demand.ts';
import { PLANTED, PROVISION_SEASON } from './parameters.ts';
import { Random } from './random.ts';
import type { School } from './schools.ts';

type DeliveryModel = 'universal' | 'targeted' | 'specialist';

interface ProvisionLine {
  readonly school: School;
  readonly service: Service;
  readonly model: DeliveryModel;
  readonly programme: string;
  /** Sessions in a full term-time month. */
  readonly sessions: number;
  readonly hoursPerSession: number;
  readonly fromMonth: number;
}

const HOURS_PER_SESSION: Record<DeliveryModel, number> = { specialist: 1, targeted: 0.75, universal: 1.5 };

/** Independent schools buy in their own targeted work; colleges and AP get no targeted OT groups. */
function hasTargeted(school: School, service: Service): boolean {
  if (school.type === 'independent') return false;
  return service === 'SLT' || (school.type !== 'college' && school.type !== 'alternative_provision');
}

export function provisionLines(schools: readonly School[], expected: Map<School, Record<Service, number>>, period: Period): ProvisionLine[] {
  const lines: ProvisionLine[] = [];
  for (const school of schools) {
    for (const service of SERVICES) {
      const annual = expected.get(school)?.[service] ?? 0;
      const line = (model: DeliveryModel, sessions: number, programme = '', fromMonth = period.first) =>
        lines.push({ school, service, model, programme, sessions, hoursPerSession: HOURS_PER_SESSION[model], fromMonth });
      for (const u of school.universal) if (u.service === service) line('universal', service === 'SLT' ? 6 : 4, u.programme);
      if (school.role === 'programme_adopter' && service === 'SLT') {
        line('universal', 8, PLANTED.programmeAdopter.programme, period.programmeMonth);
      }
      if (hasTargeted(school, service)) line('targeted', 1 + 0.25 * annual);
      line('specialist', Math.max(1, 0.5 * annual));
    }
  }
  return lines;
}

const quarterHours = (hours: number): string => String(Math.round(hours * 4) / 4);

export async function writeProvision(seed: number, lines: readonly ProvisionLine[], period: Period, writer: CsvWriter): Promise<void> {
  const rng = new Random(seed, 3);
  for (let m = period.first; m <= period.end; m++) {
    const season = PROVISION_SEASON[calendarMonth(m)] ?? 1;
    const month = formatMonth(m);
    for (const line of lines) {
      if (m < line.fromMonth) continue;
      const sessions = rng.poisson(line.sessions * season);
      const hours = sessions * line.hoursPerSession * rng.uniform(0.92, 1.08);
      const flushed = writer.write({
        school_urn: line.school.urn,
        month,
        service: line.service,
        delivery_model: line.model,
        programme: line.programme,
        sessions: String(sessions),
        therapist_hours: quarterHours(hours),
      });
      if (flushed) await flushed;
    }
  }
}
