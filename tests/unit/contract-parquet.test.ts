// `to-parquet` and the contract's Parquet types, checked by reading the files back with hyparquet (the reader the
// browser uses), not with the writer that made them: DuckDB's own writer (native, the default) and hyparquet-writer
// (`--engine wasm`) alike.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/contract/index.ts';
import { run as toParquet } from '../../pipelines/commands/to-parquet.ts';
import { ParquetTableWriter, TABLE_METADATA_KEY } from '../../pipelines/csv/parquet-table.ts';
import { capture as captureCli, tempWorkDir, type CliResult } from './cli-helpers.ts';

const CLEAN = 'tests/fixtures/contract/clean';
const work = tempWorkDir('tee-parquet-');

const capture = (...argv: string[]): Promise<CliResult> => captureCli(toParquet, ...argv);

function bytesOf(path: string): ArrayBuffer {
  const buffer = readFileSync(path);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

const readBack = (path: string) => parquetReadObjects({ file: bytesOf(path) });
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe.each(['native', 'wasm'])('to-parquet --engine %s', (engine) => {
  const out = join(work, `clean-${engine}`);

  it('writes one Parquet file per contract CSV', async () => {
    const result = await capture(CLEAN, out, '--today', '2025-06-30', '--engine', engine);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe([
      `wrote ${join(out, 'schools.parquet')} (4 rows)`,
      `wrote ${join(out, 'referrals.parquet')} (6 rows)`,
      `wrote ${join(out, 'provision.parquet')} (4 rows)`,
      `wrote ${join(out, 'workforce.parquet')} (2 rows)`,
      '',
    ].join('\n'));
  });

  it('types referrals from the contract: dates as DATE, booleans, integers, nulls for blanks', async () => {
    const rows = await readBack(join(out, 'referrals.parquet'));
    expect(rows).toHaveLength(6);
    // referrals.csv line 3: R-0002,P-0002,100001,OT,12/09/2024,3,,parent,no,signposted,,
    expect(rows[1]).toEqual({
      referral_id: 'R-0002', pupil_pseudo_id: 'P-0002', school_urn: '100001', service: 'OT',
      referral_date: utc('2024-09-12'), year_group: '3', age_at_referral: null, referral_source: 'parent',
      has_ehcp: false, outcome: 'signposted', first_contact_date: null, discharge_date: null,
    });
    // line 6: R-0005 has age 3 and no year group
    expect(rows[4]).toMatchObject({ year_group: null, age_at_referral: 3, has_ehcp: false, referral_date: utc('2025-02-03') });
    expect(rows[0]).toMatchObject({ discharge_date: utc('2025-03-01'), has_ehcp: false });
  });

  it('types schools, provision and workforce: integers, doubles, text with commas', async () => {
    const schools = await readBack(join(out, 'schools.parquet'));
    expect(schools[2]).toEqual({
      urn: '100003', name: 'Testbrook School, Special', school_type: 'special', phase: 'all_through', locality: 'North',
      pupils_on_roll: 80, pupils_slcn: 40, pupils_ehcp: 78, imd_decile: null,
      roll_early_years: 10, roll_primary: 30, roll_secondary: 30, roll_post16: 10, age_low: null, age_high: null,
    });
    const provision = await readBack(join(out, 'provision.parquet'));
    expect(provision[1]).toEqual({ school_urn: '100001', month: '2024-09', service: 'SLT', delivery_model: 'targeted', programme: null, sessions: 10, therapist_hours: 7.5 });
    const workforce = await readBack(join(out, 'workforce.parquet'));
    expect(workforce).toEqual([
      { month: '2024-09', service: 'SLT', fte_in_post: 12.4, fte_vacant: 2 },
      { month: '2024-09', service: 'OT', fte_in_post: 6, fte_vacant: 1.5 },
    ]);
  });

  it('declares the physical and logical types and names the table in the metadata', () => {
    const metadata = parquetMetadata(bytesOf(join(out, 'referrals.parquet')));
    const byName = Object.fromEntries(metadata.schema.slice(1).map((e) => [e.name, e]));
    // DuckDB's writer marks every column OPTIONAL; hyparquet-writer marks the contract's required ones REQUIRED.
    // No reader depends on it (a blank in a required column is the contract's check, not the file's).
    const required = engine === 'wasm' ? 'REQUIRED' : 'OPTIONAL';
    expect(byName.referral_date).toMatchObject({ type: 'INT32', converted_type: 'DATE', repetition_type: required });
    expect(byName.discharge_date).toMatchObject({ type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' });
    expect(byName.age_at_referral).toMatchObject({ type: 'INT32', repetition_type: 'OPTIONAL' });
    expect(byName.has_ehcp).toMatchObject({ type: 'BOOLEAN', repetition_type: required });
    expect(byName.service).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(metadata.schema.slice(1).map((e) => e.name)).toEqual(TABLES.referrals.columns.map((c) => c.name));
    expect(metadata.key_value_metadata).toContainEqual({ key: TABLE_METADATA_KEY, value: 'referrals' });
  });

  it('gives every contract column its type: string, enum and month as UTF-8 text, integer INT32, number DOUBLE, boolean, date DATE', () => {
    const expected = { string: ['BYTE_ARRAY', 'UTF8'], enum: ['BYTE_ARRAY', 'UTF8'], month: ['BYTE_ARRAY', 'UTF8'],
      integer: ['INT32', undefined], number: ['DOUBLE', undefined], boolean: ['BOOLEAN', undefined], date: ['INT32', 'DATE'] } as const;
    for (const table of Object.values(TABLES)) {
      const metadata = parquetMetadata(bytesOf(join(out, `${table.name}.parquet`)));
      const types = metadata.schema.slice(1).map((e) => [e.name, e.type, e.converted_type === 'INT_32' ? undefined : e.converted_type]);
      expect(types, table.name).toEqual(table.columns.map((c) => [c.name, ...expected[c.type]]));
    }
  });

  it('refuses to write anything when a row breaks the contract', async () => {
    const dir = join(work, `broken-${engine}`);
    cpSync(CLEAN, dir, { recursive: true });
    const path = join(dir, 'workforce.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('12.4', 'twelve'));
    const target = join(work, `broken-out-${engine}`);
    const result = await capture(dir, target, '--today', '2025-06-30', '--engine', engine);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}:2: fte_in_post: must be a number (twelve)`);
    expect(existsSync(target)).toBe(false);
  });

  it('exits 2 on bad usage', async () => {
    expect((await capture(CLEAN)).code).toBe(2);
    expect((await capture('no/such/dir', join(work, 'x'))).code).toBe(2);
  });
});

describe('ParquetTableWriter', () => {
  it('streams rows in row groups and reads them all back in order', async () => {
    const path = join(work, 'groups.parquet');
    const writer = new ParquetTableWriter(path, TABLES.provision, 3);
    const months = Array.from({ length: 10 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
    for (const month of months) writer.add(['100001', month, 'SLT', 'targeted', month === '2024-10' ? '' : 'Talk Boost', '3', '1.25']);
    writer.close();
    expect(parquetMetadata(bytesOf(path)).row_groups).toHaveLength(4); // 3 + 3 + 3 + 1
    const rows = await readBack(path);
    expect(rows.map((r) => r.month)).toEqual(months);
    expect(rows[9]).toEqual({ school_urn: '100001', month: '2024-10', service: 'SLT', delivery_model: 'targeted', programme: null, sessions: 3, therapist_hours: 1.25 });
  });

  it('fails loudly rather than write a blank into a required column', () => {
    const writer = new ParquetTableWriter(join(work, 'required.parquet'), TABLES.workforce, 1);
    expect(() => writer.add(['2024-09', 'SLT', '1.25', ''])).toThrow();
  });

  it('writes a valid file with no rows', async () => {
    const path = join(work, 'empty.parquet');
    new ParquetTableWriter(path, TABLES.provision).close();
    expect(await readBack(path)).toEqual([]);
    expect(parquetMetadata(bytesOf(path)).schema).toHaveLength(TABLES.provision.columns.length + 1);
  });
});
