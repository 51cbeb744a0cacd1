// The recipient's attacks on the product's outputs (issue 11): every differencing route by which a hidden count
// ("c", 1–4 children) could be worked out from figures the product shows. Each attack reads only shareable
// outputs, in the shape `report` prints them (so the same attacks replay on an older build's `report` JSON), and
// proposes a whole-number estimate for a hidden cell; the truth comes from exact mode, separately.
export type Json = Record<string, unknown>;

/** The figures one filter combination shows, keyed as `report` keys them. */
export interface Figures {
  rates_by_type_phase: Json[]; spc: Json[]; waits: Json[]; provision: Json[]; funnel: Json[];
}

/** What a recipient collects: the whole area, each locality, and the period ending a month earlier. */
export interface Collection {
  full: Figures;
  byLocality: Record<string, Figures>;
  minusLastMonth: Figures;
  months: number;
}

export interface Attempt { attack: string; target: string; estimate: number }

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const key = (...parts: unknown[]) => parts.map((p) => String(p ?? 'all')).join('|');
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/** "total minus the shown members" when exactly one member is hidden: the estimate for that member. */
function leaveOneOut(total: unknown, members: { id: string; value: unknown }[]): { id: string; estimate: number } | null {
  const hidden = members.filter((m) => m.value === 'c');
  if (hidden.length !== 1 || !num(total) || !members.every((m) => m.value === 'c' || num(m.value))) return null;
  const shown = sum(members.filter((m) => m.value !== 'c').map((m) => m.value as number));
  return { id: (hidden[0] as { id: string }).id, estimate: Math.round(total - shown) };
}

const heatKey = (c: Json) => key(c.service, c.school_type, c.age_phase);
const points = (s: Json) => (s.points as Json[]) ?? [];
const spcKey = (s: Json) => key(s.service, s.group_kind, s.group_value);

/** 1. SPC mean × months − the shown months = the hidden month (series with one hidden month). */
export function meanTimesN(c: Collection): Attempt[] {
  return c.full.spc.flatMap((s) => {
    if (s.series !== 'raw' || !num(s.mean)) return [];
    const r = leaveOneOut((s.mean as number) * points(s).length, points(s).map((p) => ({ id: String(p.month), value: p.referrals })));
    return r ? [{ attack: 'SPC mean × months', target: `spc|${spcKey(s)}|${r.id}`, estimate: r.estimate }] : [];
  });
}

/** 2. A hidden month in one group's chart = the area's chart − its sibling groups' charts. */
export function siblingCharts(c: Collection): Attempt[] {
  const out: Attempt[] = [];
  for (const area of c.full.spc.filter((s) => s.group_kind === 'area')) {
    for (const kind of ['school_type', 'age_phase']) {
      const siblings = c.full.spc.filter((s) => s.service === area.service && s.group_kind === kind);
      points(area).forEach((p, i) => {
        const r = leaveOneOut(p.referrals, siblings.map((s) => ({ id: `${spcKey(s)}|${String(points(s)[i]?.month)}`, value: points(s)[i]?.referrals })));
        if (r) out.push({ attack: 'sibling SPC charts', target: `spc|${r.id}`, estimate: r.estimate });
      });
    }
  }
  return out;
}

/** 3. A hidden heat-table cell = its row or column total − the other cells of that row or column. */
export function tableMargins(c: Collection): Attempt[] {
  const out: Attempt[] = [];
  const cells = c.full.rates_by_type_phase;
  const find = (service: unknown, t: unknown, p: unknown) => cells.find((x) => x.service === service && x.school_type === t && x.age_phase === p);
  for (const total of cells) {
    const members = total.school_type === null && total.age_phase === null
      ? cells.filter((x) => x.service === total.service && x.school_type !== null && x.age_phase === null)
      : total.age_phase === null ? cells.filter((x) => x.service === total.service && x.school_type === total.school_type && x.age_phase !== null)
        : total.school_type === null ? cells.filter((x) => x.service === total.service && x.age_phase === total.age_phase && x.school_type !== null) : [];
    if (!members.length || find(total.service, total.school_type, total.age_phase) !== total) continue;
    const r = leaveOneOut(total.referrals, members.map((m) => ({ id: heatKey(m), value: m.referrals })));
    if (r) out.push({ attack: 'heat table margins', target: `rates|${r.id}`, estimate: r.estimate });
  }
  return out;
}

/** 4a. A locality's hidden cell = the no-filter cell − the other localities' cells. */
export function localitySums(c: Collection): Attempt[] {
  const out: Attempt[] = [];
  const localities = Object.entries(c.byLocality);
  const tables: [string, (f: Figures) => Json[], (x: Json) => string, string[]][] = [
    ['rates', (f) => f.rates_by_type_phase, heatKey, ['referrals']],
    ['waits', (f) => f.waits, heatKey, ['seen', 'seen_within_18_weeks', 'waiting', 'waiting_over_18_weeks', 'waiting_over_52_weeks']],
  ];
  for (const [name, rowsOf, keyOf, columns] of tables) {
    for (const whole of rowsOf(c.full)) {
      for (const column of columns) {
        const members = localities.map(([loc, f]) => {
          const row = rowsOf(f).find((x) => keyOf(x) === keyOf(whole));
          return { id: `${loc}|${keyOf(whole)}|${column}`, value: row ? row[column] : 0 };
        });
        const r = leaveOneOut(whole[column], members);
        if (r) out.push({ attack: 'locality sums', target: `${name}-by-locality|${r.id}`, estimate: r.estimate });
      }
    }
  }
  return out;
}

/** 4b. The last month's count in a cell = the full period's cell − the period ending a month earlier. */
export function periodDifferences(c: Collection): Attempt[] {
  const out: Attempt[] = [];
  const tables: [string, (f: Figures) => Json[], string[]][] = [
    ['rates', (f) => f.rates_by_type_phase, ['referrals']],
    ['waits', (f) => f.waits, ['seen', 'seen_within_18_weeks']],
  ];
  for (const [name, rowsOf, columns] of tables) {
    for (const whole of rowsOf(c.full)) {
      const earlier = rowsOf(c.minusLastMonth).find((x) => heatKey(x) === heatKey(whole));
      for (const column of columns) {
        const a = whole[column];
        const b = earlier ? earlier[column] : 0;
        if (num(a) && num(b)) out.push({ attack: 'period differences', target: `${name}-last-month|${heatKey(whole)}|${column}`, estimate: Math.round(a - b) });
      }
    }
  }
  return out;
}

/** 5a. Per-school referrals in "need and provision" against the heat table's area total, in each locality. */
export function acrossViews(c: Collection): Attempt[] {
  const out: Attempt[] = [];
  for (const f of [c.full, ...Object.values(c.byLocality)]) {
    for (const area of f.rates_by_type_phase.filter((x) => x.school_type === null && x.age_phase === null)) {
      const schools = f.provision.filter((p) => p.service === area.service);
      const r = leaveOneOut(area.referrals, schools.map((p) => ({ id: `${String(p.urn)}|${String(p.service)}`, value: p.referrals })));
      if (r) out.push({ attack: 'provision vs heat table', target: `school-referrals|${r.id}`, estimate: r.estimate });
    }
  }
  return out;
}

/** 5b. The funnel's pooled area rate × the schools' pupil-years gives every school's referrals together. */
export function funnelAreaRate(c: Collection): Attempt[] {
  const out: Attempt[] = [];
  for (const fun of c.full.funnel) {
    if (!num(fun.areaRate)) continue;
    const inFunnel = c.full.provision.filter((p) => p.service === fun.service && num(p.pupils) && (p.pupils as number) > 0);
    const exposure = sum(inFunnel.map((p) => ((p.pupils as number) * c.months) / 12));
    const plotted = new Map(((fun.points as Json[]) ?? []).map((p) => [String(p.urn), p.referrals]));
    const members = inFunnel.map((p) => ({ id: `${String(p.urn)}|${String(p.service)}`, value: plotted.has(String(p.urn)) ? plotted.get(String(p.urn)) : 'c' }));
    const r = leaveOneOut(((fun.areaRate as number) * exposure) / 1000, members);
    if (r) out.push({ attack: 'funnel area rate', target: `school-referrals|${r.id}`, estimate: r.estimate });
  }
  return out;
}

/** 6. Numbers in words and derived columns: need per 100 × pupils, rate × pupil-years, beside a hidden count. */
export function inWords(c: Collection): Attempt[] {
  const out: Attempt[] = [];
  for (const p of c.full.provision) {
    if (p.pupils_slcn !== 'c' || !num(p.pupils)) continue;
    const text = String(p.explanation ?? '');
    const quoted = /Need \(([\d.]+) per 100/.exec(text) ?? /: ([\d.]+) per 100 pupils\)/.exec(text);
    const need = p.service === 'SLT' && num(p.need_per_100) ? p.need_per_100 : quoted ? Number(quoted[1]) : null;
    if (need !== null && p.service === 'SLT') out.push({ attack: 'need per 100 in words', target: `pupils_slcn|${String(p.urn)}`, estimate: Math.round((need * (p.pupils as number)) / 100) });
  }
  for (const r of c.full.rates_by_type_phase) {
    if (r.referrals === 'c' && num(r.rate) && num(r.pupils)) {
      out.push({ attack: 'rate × denominator', target: `rates|${heatKey(r)}`, estimate: Math.round(((r.rate as number) * (r.pupils as number) * c.months) / 12 / 1000) });
    }
  }
  return out;
}

export const ATTACKS: [string, (c: Collection) => Attempt[]][] = [
  ['SPC mean × months', meanTimesN], ['sibling SPC charts', siblingCharts], ['heat table margins', tableMargins],
  ['locality sums', localitySums], ['period differences', periodDifferences], ['provision vs heat table', acrossViews],
  ['funnel area rate', funnelAreaRate], ['numbers in words and derived columns', inWords],
];

/** The true value of each attack's target, from the exact-mode collection of the same filters. */
export function truthOf(target: string, exact: Collection): number | null {
  const [kind, ...rest] = target.split('|');
  const k = rest.join('|');
  const value = (v: unknown) => (num(v) ? v : null);
  switch (kind) {
    case 'spc': {
      const month = rest.at(-1);
      const series = exact.full.spc.find((s) => k === `${spcKey(s)}|${String(month)}`);
      return value(series ? points(series).find((p) => p.month === month)?.referrals : null);
    }
    case 'rates': return value(exact.full.rates_by_type_phase.find((r) => heatKey(r) === k)?.referrals);
    case 'rates-by-locality':
    case 'waits-by-locality': {
      const [loc, , , , column] = rest;
      const f = exact.byLocality[loc as string];
      const rows = kind === 'rates-by-locality' ? f?.rates_by_type_phase : f?.waits;
      const row = rows?.find((r) => heatKey(r) === rest.slice(1, 4).join('|'));
      return row ? value(row[column as string]) : 0;
    }
    case 'rates-last-month':
    case 'waits-last-month': {
      const column = rest.at(-1) as string;
      const cellKey = rest.slice(0, -1).join('|');
      const rows = (f: Figures) => (kind === 'rates-last-month' ? f.rates_by_type_phase : f.waits);
      const a = rows(exact.full).find((r) => heatKey(r) === cellKey)?.[column];
      const b = rows(exact.minusLastMonth).find((r) => heatKey(r) === cellKey)?.[column] ?? 0;
      return num(a) && num(b) ? a - b : null;
    }
    case 'school-referrals': {
      const [urn, service] = rest;
      return value(exact.full.provision.find((p) => String(p.urn) === urn && p.service === service)?.referrals);
    }
    case 'pupils_slcn': return value(exact.full.provision.find((p) => String(p.urn) === k && p.service === 'SLT')?.pupils_slcn);
    default: return null;
  }
}

export interface Outcome { attack: string; attempts: number; onSmall: number; exact: number }

/** Per attack: attempts, attempts whose target truly holds 1–4 children, and how many of those were exact. */
export function score(shareable: Collection, exact: Collection, threshold = 5): { outcomes: Outcome[]; small: number[] } {
  const outcomes: Outcome[] = [];
  const small: number[] = [];
  for (const [name, attack] of ATTACKS) {
    const attempts = attack(shareable);
    let onSmall = 0, hits = 0;
    for (const a of attempts) {
      const truth = truthOf(a.target, exact);
      if (truth === null || truth < 1 || truth >= threshold) continue;
      onSmall += 1;
      small.push(truth);
      if (a.estimate === truth) hits += 1;
    }
    outcomes.push({ attack: name, attempts: attempts.length, onSmall, exact: hits });
  }
  return { outcomes, small };
}
