// Builds the compact context files (src/context/data/*.json) from the published CSVs, as the `context` pipeline
// command does: pure (texts in, objects out), so next year's release can be dropped in and rebuilt. Files are
// recognised by their header, not their name; rows of any local authority, region or organisation in them are
// kept, so a fuller extract (every LA) needs no code change.
import Papa from 'papaparse';
import type {
  ContextData, EhcpNeedRecord, GeoLevel, PupilsRecord, TimelinessRecord, WaitsLevel, WaitsRecord,
} from './types.ts';

const OGL = 'Open Government Licence v3.0';
type Row = Record<string, string>;

function parse(text: string): Row[] {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return parsed.data;
}

const num = (v: string | undefined): number | null => {
  const t = (v ?? '').trim();
  if (t === '' || t === 'NA' || t === 'x' || t === 'z') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};
const req = (v: string | undefined, what: string): number => {
  const n = num(v);
  if (n === null) throw new Error(`${what}: expected a number, got '${v ?? ''}'`);
  return n;
};

const SERVICE: Record<string, 'SLT' | 'OT'> = { 'speech and language': 'SLT', 'occupational therapy': 'OT' };
const ORG_LEVEL: Record<string, WaitsLevel> = { region: 'region', icb: 'icb', organisation: 'provider', provider: 'provider' };

const geoLevel = (v: string | undefined): GeoLevel | null =>
  v === 'National' ? 'england' : v === 'Regional' ? 'region' : v === 'Local authority' ? 'la' : null;

function waitsRows(kind: 'england' | 'org', rows: Row[]): WaitsRecord[] {
  const out: WaitsRecord[] = [];
  for (const r of rows) {
    const service = SERVICE[(r.Therapy ?? '').trim().toLowerCase()];
    if (!service) continue;
    let level: WaitsLevel | undefined;
    let name: string;
    if (kind === 'england') { level = 'england'; name = 'ENGLAND'; } else {
      level = ORG_LEVEL[(r['Organisation Type'] ?? '').trim().toLowerCase()];
      name = (r['Organisation Name'] ?? '').trim();
    }
    if (!level) continue; // England rows of the by-organisation file: England comes from its own file (all months)
    const month = (r.formattedDate ?? '').trim().slice(0, 7);
    if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`waits: no formattedDate in row for ${name}`);
    out.push([level, name, month, service, num(r['Total waiting list']), num(r['Waiting >18-52 weeks']), num(r['Waiting >52 weeks'])]);
  }
  return out;
}

function ehcpRows(rows: Row[]): EhcpNeedRecord[] {
  const out: EhcpNeedRecord[] = [];
  for (const r of rows) {
    const level = geoLevel(r.geographic_level);
    const topic = r.breakdown_topic ?? '';
    if (!level || (topic !== 'All EHC plans' && topic !== 'Child or young persons age')) continue;
    const release = r.time_identifier === 'Calendar year' ? 'new_plans' : 'all_plans';
    const name = level === 'england' ? 'England' : level === 'region' ? (r.region_name ?? '') : (r.la_name ?? '');
    const what = `EHC plans ${name} ${r.breakdown ?? ''}`;
    out.push([release, r.time_period ?? '', level, name, r.new_la_code ?? '', topic, r.breakdown ?? '',
      req(r.ehc_plans, what), req(r.number_slcn, what), num(r.slcn_pc)]);
  }
  return out;
}

const areaName = (level: GeoLevel, r: Row) => (level === 'england' ? 'England' : level === 'region' ? (r.region_name ?? '') : (r.la_name ?? ''));

function timelinessRows(rows: Row[]): TimelinessRecord[] {
  return rows.flatMap((r): TimelinessRecord[] => {
    const level = geoLevel(r.geographic_level);
    if (!level) return [];
    return [[req(r.time_period, 'timeliness year'), level, areaName(level, r), num(r.new_all_ehc), num(r['% of EHCPs issued within 20 weeks'])]];
  }).sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}

function pupilsRows(rows: Row[]): PupilsRecord[] {
  return rows.flatMap((r): PupilsRecord[] => {
    const level = geoLevel(r.geographic_level);
    if (!level) return [];
    const name = level === 'england' ? 'England' : level === 'region' ? (r.region_name ?? '') : (r.la_name ?? '');
    return [[r.academic_year ?? '', level, name, r['SEN provision'] ?? '', num(r['% of pupils'])]];
  }).sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[3].localeCompare(b[3]));
}

/** Builds every context file from the published CSVs (file name → text). Throws naming what is missing. */
export function buildContext(files: Readonly<Record<string, string>>): ContextData {
  const waits: WaitsRecord[] = [];
  const ehcp: EhcpNeedRecord[] = [];
  const timeliness: TimelinessRecord[] = [];
  const pupils: PupilsRecord[] = [];
  const used: string[] = [];
  for (const [name, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const rows = parse(text);
    const header = Object.keys(rows[0] ?? {});
    const has = (c: string) => header.includes(c);
    if (has('Therapy') && has('Organisation Type')) waits.push(...waitsRows('org', rows));
    else if (has('Therapy') && has('Total waiting list')) waits.push(...waitsRows('england', rows));
    else if (has('number_slcn') && has('breakdown_topic')) ehcp.push(...ehcpRows(rows));
    else if (has('% of EHCPs issued within 20 weeks')) timeliness.push(...timelinessRows(rows));
    else if (has('% of pupils') && has('SEN provision')) pupils.push(...pupilsRows(rows));
    else continue;
    used.push(name);
  }
  const missing = [
    [waits.length, 'NHS children and young people\'s community services waits'], [ehcp.length, 'DfE EHC plans by primary need'],
    [timeliness.length, 'DfE EHC plan timeliness'], [pupils.length, 'DfE % of pupils with an EHC plan'],
  ].filter(([n]) => n === 0).map(([, what]) => what);
  if (missing.length) throw new Error(`no published file found for: ${missing.join(', ')} (read: ${used.join(', ') || 'nothing'})`);
  const months = [...new Set(waits.map((w) => w[2]))].sort();
  return {
    waits: {
      title: 'Children and young people waiting for community health services, by therapy',
      source: 'NHS England, Community Health Services Waiting Lists (monthly), 2023; as derived in the DfE SEND and AP '
        + 'Inclusion Dashboard repository (dfe-analytical-services/SEND-AP-Inclusion-Dashboard)',
      licence: OGL, period: `${months[0]} to ${months.at(-1)}`,
      notes: [
        '% waiting more than 18 weeks = 100 × (waiting >18–52 weeks + waiting >52 weeks) ÷ total waiting list.',
        'Counts of children on the waiting list at the month end (a stock), not referrals (a flow).',
        'A provider\'s or an ICB\'s footprint is not a local authority\'s area.',
      ],
      columns: ['level', 'name', 'month', 'service', 'waiting', 'waiting_18_52_weeks', 'waiting_over_52_weeks'],
      rows: waits.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]) || a[3].localeCompare(b[3])),
    },
    ehcpNeed: {
      title: 'EHC plans with speech, language and communication needs (SLCN) as the primary need',
      source: 'DfE, Education, health and care plans, 2025 release: sen_needs_all_plans (plans in January 2025) and '
        + 'sen_need_newplans (new plans in calendar year 2024)',
      licence: OGL, period: 'January 2025 (all plans); calendar year 2024 (new plans)',
      notes: ['SLCN share = plans with SLCN as primary need ÷ all EHC plans (DfE\'s published percentage).'],
      columns: ['release', 'time_period', 'level', 'name', 'la_code', 'breakdown_topic', 'breakdown', 'ehc_plans', 'slcn', 'slcn_pc'],
      rows: ehcp,
    },
    timeliness: {
      title: 'New EHC plans issued within 20 weeks',
      source: 'DfE SEN2 collection, as prepared in the DfE SEND and AP Inclusion Dashboard repository',
      licence: OGL, period: `calendar years ${timeliness[0]?.[0]} to ${timeliness.at(-1)?.[0]}`,
      notes: ['% of new EHC plans issued within 20 weeks (excluding exceptions), as published.'],
      columns: ['year', 'level', 'name', 'new_plans', 'pct_within_20_weeks'],
      rows: timeliness,
    },
    pupils: {
      title: 'Pupils with an EHC plan or on SEN support',
      source: 'DfE, Special educational needs in England (school census), as prepared in the DfE SEND and AP Inclusion Dashboard repository',
      licence: OGL, period: `academic years ${pupils[0]?.[0]} to ${pupils.at(-1)?.[0]}`,
      notes: ['% of pupils on roll in January of the academic year, as published.'],
      columns: ['academic_year', 'level', 'name', 'provision', 'pct_of_pupils'],
      rows: pupils,
    },
  };
}

export const CONTEXT_FILES = { waits: 'nhs-cyp-waits.json', ehcpNeed: 'dfe-ehcp-slcn.json', timeliness: 'dfe-ehcp-timeliness.json', pupils: 'dfe-pupils-ehcp.json' } as const;

/** One JSON file per context set, one record per line, so a release's change reads well in a diff. */
export function contextFileText(file: { rows: readonly unknown[] }): string {
  const { rows, ...meta } = file;
  const head = JSON.stringify(meta, null, 2).replace(/\n}$/, '');
  return `${head},\n  "rows": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
}
