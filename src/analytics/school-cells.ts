// Schools as cells: the school-rates query returns one row per school × service × age phase, each with its count
// sealed as a Cell. These helpers add a school's phase rows into one school, and the schools in scope into the
// area's phase totals, without reading any count: the sums are cells too (true counts add, cell keys add mod 256).
import type { SchoolRateRow } from '../queries/index.ts';
import { cellSum, type Cell, type CellRow } from '../disclosure/index.ts';

export type SchoolPhaseRow = CellRow<SchoolRateRow>;

export interface SchoolCells {
  urn: string; name: string; school_type: string; phase: string; locality: string; service: string;
  /** Every referral of the school in scope (including any whose age phase is unknown). */
  referrals: Cell;
  /** Pupils on roll in scope, and by age phase. */
  pupils: number;
  rolls: Map<string, number>;
  months: number;
}

export function schoolsOf(rows: readonly SchoolPhaseRow[]): SchoolCells[] {
  const bySchool = new Map<string, SchoolPhaseRow[]>();
  for (const r of rows) {
    const key = `${r.service}|${r.urn}`;
    bySchool.set(key, [...(bySchool.get(key) ?? []), r]);
  }
  return [...bySchool.values()].map((list) => {
    const first = list[0] as SchoolPhaseRow;
    const rolls = new Map<string, number>();
    for (const r of list) if (r.age_phase !== null) rolls.set(r.age_phase, (rolls.get(r.age_phase) ?? 0) + r.roll);
    return {
      urn: first.urn, name: first.name, school_type: first.school_type, phase: first.phase, locality: first.locality,
      service: first.service, referrals: cellSum(list.map((r) => r.referrals)),
      pupils: [...rolls.values()].reduce((s, v) => s + v, 0), rolls, months: first.months,
    };
  });
}

/** The area's cells by age phase (one service): each phase's referrals over the schools given, and its pupils. */
export function phaseTotals(rows: readonly SchoolPhaseRow[]): Map<string, { referrals: Cell; pupils: number; months: number }> {
  const groups = new Map<string, SchoolPhaseRow[]>();
  for (const r of rows) if (r.age_phase !== null) groups.set(r.age_phase, [...(groups.get(r.age_phase) ?? []), r]);
  return new Map([...groups].map(([phase, list]) => [phase, {
    referrals: cellSum(list.map((r) => r.referrals)),
    pupils: list.reduce((s, r) => s + r.roll, 0),
    months: (list[0] as SchoolPhaseRow).months,
  }]));
}
