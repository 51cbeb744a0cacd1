// How many schools of each type run a universal (whole-class or whole-school) programme, per service, from the
// per-school provision figures' `universal` flag. Counts of schools, not of children: nothing here is disclosive.
import type { ProvisionSchool } from '../../analytics/index.ts';
import { LABELS, SCHOOL_TYPES } from '../../contract/values.ts';

export interface CoverageRow {
  school_type: string;
  schools: number;
  slt: number | null;
  ot: number | null;
  any: number;
  /** Share of the type's schools running any universal programme (0–1). */
  share: number;
}

export function universalCoverage(schools: ProvisionSchool[], services: readonly string[]): CoverageRow[] {
  const types = [...SCHOOL_TYPES as readonly string[], ...new Set(schools.map((s) => s.school_type))]
    .filter((t, i, all) => all.indexOf(t) === i && schools.some((s) => s.school_type === t));
  const rows = types.map((type) => {
    const ofType = schools.filter((s) => s.school_type === type);
    const urns = new Set(ofType.map((s) => s.urn));
    const running = (service: string) => (services.includes(service)
      ? new Set(ofType.filter((s) => s.service === service && s.universal).map((s) => s.urn)).size : null);
    const any = new Set(ofType.filter((s) => s.universal).map((s) => s.urn)).size;
    return { school_type: LABELS[type] ?? type, schools: urns.size, slt: running('SLT'), ot: running('OT'), any, share: urns.size ? any / urns.size : 0 };
  });
  const total = (pick: (r: CoverageRow) => number | null) => (rows.some((r) => pick(r) === null) ? null : rows.reduce((s, r) => s + (pick(r) ?? 0), 0));
  const all = { school_type: 'All types', schools: total((r) => r.schools) ?? 0, slt: total((r) => r.slt), ot: total((r) => r.ot), any: total((r) => r.any) ?? 0, share: 0 };
  return [...rows, { ...all, share: all.schools ? all.any / all.schools : 0 }];
}
