// `anonymise` end to end on the synthetic raw extract in tests/fixtures/raw: pseudonyms, dropped identifiers, year
// groups, refusals that write nothing, and output that passes `validate`.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as anonymise } from '../../pipelines/commands/anonymise.ts';
import { run as validate } from '../../pipelines/commands/validate.ts';
import { capture, tempWorkDir } from './cli-helpers.ts';

const EXTRACT = 'tests/fixtures/raw/referrals-extract.csv';
const CLEAN = 'tests/fixtures/contract/clean';
const TODAY = ['--today', '2025-06-30'];
const work = tempWorkDir('tee-anonymise-');

const KEY = join(work, 'key.txt');
const OTHER_KEY = join(work, 'other-key.txt');
const SHORT_KEY = join(work, 'short-key.txt');
writeFileSync(KEY, `${'a1'.repeat(32)}\n`, { mode: 0o600 });
writeFileSync(OTHER_KEY, `${'b2'.repeat(32)}\n`, { mode: 0o600 });
writeFileSync(SHORT_KEY, `${'c3'.repeat(15)}\n`, { mode: 0o600 }); // 30 bytes once the newline is dropped

let folders = 0;
/** A partnership folder: the raw extract plus the clean schools, provision and workforce tables, optionally edited. */
function inputFolder(edit?: { file: string; from: string; to: string }): string {
  const dir = join(work, `in-${++folders}`);
  mkdirSync(dir);
  for (const file of ['schools.csv', 'provision.csv', 'workforce.csv']) cpSync(join(CLEAN, file), join(dir, file));
  cpSync(EXTRACT, join(dir, 'referrals-extract.csv'));
  if (edit) {
    const path = join(dir, edit.file);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(edit.from);
    writeFileSync(path, text.replace(edit.from, edit.to));
  }
  return dir;
}

const outFolder = () => join(work, `out-${++folders}`);

function readRows(path: string): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i] ?? '', v])));
}

describe('anonymise a partnership folder', () => {
  const input = inputFolder();
  const out = outFolder();
  let result: Awaited<ReturnType<typeof capture>>;
  let rows: Record<string, string>[];

  it('writes the four contract files and names them on stdout', async () => {
    result = await capture(anonymise, input, out, '--key-file', KEY, ...TODAY);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['provision.csv', 'referrals.csv', 'schools.csv', 'workforce.csv']);
    expect(result.stdout).toContain(`wrote ${join(out, 'referrals.csv')} (8 rows, pseudonymised)`);
    rows = readRows(join(out, 'referrals.csv'));
  });

  it('copies the other tables unchanged', () => {
    for (const file of ['schools.csv', 'provision.csv', 'workforce.csv']) {
      expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(CLEAN, file), 'utf8'));
    }
  });

  it('writes exactly the contract columns: no identifier or unknown column survives', () => {
    const text = readFileSync(join(out, 'referrals.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date');
    for (const leaked of ['9990000', '999 000', '999-000', 'Alpha', 'Fixture', 'Imaginary', 'Z9 9Z', '2020-03-15', 'LOC-10', 'sibling', 'nhs']) {
      expect(text).not.toContain(leaked);
    }
    expect(result.stderr).toContain('note: not written (not used): notes');
  });

  it('replaces ids with pseudonyms: one per child, one per referral', () => {
    for (const row of rows) {
      expect(row.referral_id).toMatch(/^R-[0-9a-f]{16}$/);
      expect(row.pupil_pseudo_id).toMatch(/^P-[0-9a-f]{16}$/);
    }
    expect(new Set(rows.map((r) => r.referral_id)).size).toBe(8);
    // Rows 1 and 4 are both 999 000 0018 (Alpha Fixture); everyone else is a different child.
    expect(rows[3]?.pupil_pseudo_id).toBe(rows[0]?.pupil_pseudo_id);
    expect(new Set(rows.map((r) => r.pupil_pseudo_id)).size).toBe(7);
  });

  it('derives year groups from date of birth, and gives age only outside N1–Y14', () => {
    // Worked in anonymise-year-group.test.ts; row 6's "Year 8" is the provider's own and wins over the derived 7.
    expect(rows.map((r) => [r.year_group, r.age_at_referral])).toEqual([
      ['R', ''], ['3', ''], ['9', ''], ['R', ''], ['N1', ''], ['8', ''], ['', '20'], ['', '1'],
    ]);
  });

  it('normalises the copied columns as the contract does (UK dates, yes/no)', () => {
    expect(rows[1]).toMatchObject({ referral_date: '2024-09-12', has_ehcp: 'false', outcome: 'signposted', school_urn: '100001', service: 'OT' });
  });

  it('writes output that validate passes', async () => {
    const check = await capture(validate, out, ...TODAY);
    expect(check.stdout).toContain('clean: 4 files checked');
    expect(check.code).toBe(0);
  });

  it('gives the same pseudonyms with the same key, and different ones with another key', async () => {
    const again = outFolder();
    const other = outFolder();
    expect((await capture(anonymise, input, again, '--key-file', KEY, ...TODAY)).code).toBe(0);
    expect((await capture(anonymise, input, other, '--key-file', OTHER_KEY, ...TODAY)).code).toBe(0);
    expect(readFileSync(join(again, 'referrals.csv'), 'utf8')).toBe(readFileSync(join(out, 'referrals.csv'), 'utf8'));
    const otherRows = readRows(join(other, 'referrals.csv'));
    otherRows.forEach((row, i) => {
      expect(row.pupil_pseudo_id).not.toBe(rows[i]?.pupil_pseudo_id);
      expect(row.referral_id).not.toBe(rows[i]?.referral_id);
    });
    expect(otherRows[3]?.pupil_pseudo_id).toBe(otherRows[0]?.pupil_pseudo_id);
  });
});

describe('anonymise a single extract file', () => {
  it('writes referrals.csv alone (school_urn unchecked) and says a data set needs more', async () => {
    const out = outFolder();
    const result = await capture(anonymise, EXTRACT, out, '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toEqual(['referrals.csv']);
    expect(result.stderr).toContain('only referrals.csv was written');
  });

  it('matches a child however the NHS number is spaced', async () => {
    const path = join(work, 'nhs-spacing.csv');
    // Row 5 (LOC-1004) is Alpha Fixture again: written 999 000 0018 instead of 9990000018.
    writeFileSync(path, readFileSync(EXTRACT, 'utf8').replace('9990000018,Alpha,Fixture,2020-03-15,Z9 9ZZ,1 Imaginary Lane,100001,OT', '999 000 0018,Alpha,Fixture,2020-03-15,Z9 9ZZ,1 Imaginary Lane,100001,OT'));
    const out = outFolder();
    expect((await capture(anonymise, path, out, '--key-file', KEY, ...TODAY)).code).toBe(0);
    const rows = readRows(join(out, 'referrals.csv'));
    expect(rows[3]?.pupil_pseudo_id).toBe(rows[0]?.pupil_pseudo_id);
  });

  it('matches a child with no NHS number by name and date of birth, ignoring case, spaces and accents', async () => {
    const path = join(work, 'name-match.csv');
    const text = readFileSync(EXTRACT, 'utf8').replace(',Foxtrot,Placeholder,2004-02-01,', ',Delta,Testcase,02/11/2021,');
    writeFileSync(path, text.replace(',Delta,Testcase,2021-11-02,', ',DÉLTA ,test case,2021-11-02,'));
    const out = outFolder();
    expect((await capture(anonymise, path, out, '--key-file', KEY, ...TODAY)).code).toBe(0);
    const rows = readRows(join(out, 'referrals.csv'));
    expect(rows[6]?.pupil_pseudo_id).toBe(rows[4]?.pupil_pseudo_id);
  });
});

describe('anonymise refuses', () => {
  it.each([
    [['--today', '2025-06-30'], 'anonymise needs --key-file F'],
    [['--key-file', SHORT_KEY], 'is 30 bytes; it must be at least 32'],
    [['--key-file', join(work, 'no-such-key')], 'does not exist'],
  ])('without a usable key (%j): exit 2, nothing written', async (flags, message) => {
    const out = outFolder();
    const result = await capture(anonymise, inputFolder(), out, ...flags);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('a key file inside the output folder', async () => {
    const out = outFolder();
    mkdirSync(out);
    cpSync(KEY, join(out, 'key.txt'));
    const result = await capture(anonymise, inputFolder(), out, '--key-file', join(out, 'key.txt'));
    expect(result.code).toBe(2);
    expect(readdirSync(out)).toEqual(['key.txt']);
  });

  it('when a free-text column (provision programme) holds an NHS number: exit 1, no files, value not shown', async () => {
    const input = inputFolder({ file: 'provision.csv', from: 'Talk Boost', to: 'Talk Boost 999 000 0069' });
    const out = outFolder();
    const result = await capture(anonymise, input, out, '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(1);
    // The load path's own identifier scan (the one every entry point runs) finds it and names the input file.
    expect(result.stderr).toContain(`${join(input, 'provision.csv')}:2: programme: looks like an NHS number: no file may hold one (value not shown)`);
    expect(result.stderr).toContain('refused, nothing written');
    expect(result.stderr + result.stdout).not.toContain('0069');
    expect(existsSync(out)).toBe(false);
  });

  it('when a school name holds a full postcode, into an existing folder: exit 1, the folder left as it was', async () => {
    const input = inputFolder({ file: 'schools.csv', from: 'Example Academy', to: 'Example Academy DA6 8HA' });
    const out = outFolder();
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'earlier work');
    const result = await capture(anonymise, input, out, '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(input, 'schools.csv')}:3: name: looks like a full postcode`);
    expect(result.stderr).not.toContain('8HA');
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('when a copied referral column (school_urn) holds an NHS number, even from a single file', async () => {
    const path = join(work, 'urn-leak.csv');
    writeFileSync(path, readFileSync(EXTRACT, 'utf8').replace('100002,SLT,LOC-1003', '9990000069,SLT,LOC-1003'));
    const out = outFolder();
    const result = await capture(anonymise, path, out, '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(1);
    // Line 4 of the extract is LOC-1003.
    expect(result.stderr).toContain(`${path}:4: school_urn: looks like an NHS number`);
    expect(result.stderr).not.toContain('9990000069');
    expect(existsSync(out)).toBe(false);

    // From a folder too (where it is also no school's URN): the identifier is what is reported, the value withheld.
    const input = inputFolder({ file: 'referrals-extract.csv', from: '100002,SLT,LOC-1003', to: '9990000069,SLT,LOC-1003' });
    const fromFolder = await capture(anonymise, input, outFolder(), '--key-file', KEY, ...TODAY);
    expect(fromFolder.code).toBe(1);
    expect(fromFolder.stderr).toContain(`${join(input, 'referrals-extract.csv')}:4: school_urn: looks like an NHS number: no file may hold one (value not shown)`);
    expect(fromFolder.stderr).not.toContain('9990000069');
  });

  it("when school_urn holds a child's name in single-file mode: exit 1, nothing written, the name not shown", async () => {
    const path = join(work, 'urn-name.csv');
    writeFileSync(path, readFileSync(EXTRACT, 'utf8').replace('100002,SLT,LOC-1003', 'Amelia Jones,SLT,LOC-1003'));
    const out = outFolder();
    const result = await capture(anonymise, path, out, '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}:4: school_urn: looks like a person's name`);
    expect(result.stderr).not.toContain('Amelia Jones');
    expect(existsSync(out)).toBe(false);
  });

  it('when a row breaks the contract, naming the extract line, unless --drop-invalid', async () => {
    const input = inputFolder({ file: 'referrals-extract.csv', from: 'LOC-1002,12/09/2024,parent,N,signposted', to: 'LOC-1002,12/09/2024,parent,N,maybe' });
    const refused = outFolder();
    const result = await capture(anonymise, input, refused, '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(input, 'referrals-extract.csv')}:3: outcome: must be one of accepted, signposted, declined, pending (maybe)`);
    expect(existsSync(refused)).toBe(false);

    const dropped = outFolder();
    const kept = await capture(anonymise, input, dropped, '--drop-invalid', '--key-file', KEY, ...TODAY);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('(7 rows, pseudonymised, 1 rejected rows left out)');
    expect(readRows(join(dropped, 'referrals.csv'))).toHaveLength(7);
  });

  it('an invalid NHS number or date of birth, without printing either', async () => {
    const input = inputFolder({ file: 'referrals-extract.csv', from: '999-000-0034,Charlie,Sample,2011-01-20', to: '999-000-0035,Charlie,Sample,2011-01-20' });
    const result = await capture(anonymise, input, outFolder(), '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(input, 'referrals-extract.csv')}:4: nhs_number: is not a valid NHS number (10 digits whose last is the check digit)\n`);
    expect(result.stderr).not.toContain('0035');

    const badDate = inputFolder({ file: 'referrals-extract.csv', from: 'Echo,Dummy,2013-05-05', to: 'Echo,Dummy,31/02/2013' });
    const dateResult = await capture(anonymise, badDate, outFolder(), '--key-file', KEY, ...TODAY);
    expect(dateResult.code).toBe(1);
    expect(dateResult.stderr).toContain(`${join(badDate, 'referrals-extract.csv')}:7: date_of_birth: must be a date as yyyy-mm-dd or dd/mm/yyyy\n`);
    expect(dateResult.stderr).not.toContain('31/02/2013');
  });

  it('an extract missing a required column', async () => {
    const input = inputFolder({ file: 'referrals-extract.csv', from: 'nhs_number,', to: 'nhs_no,' });
    const result = await capture(anonymise, input, outFolder(), '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(input, 'referrals-extract.csv')}:1: nhs_number: required column is missing from the header of the extract`);
  });

  it('a folder without the extract, or with a contract referrals.csv beside it', async () => {
    const noExtract = inputFolder();
    rmSync(join(noExtract, 'referrals-extract.csv'));
    expect((await capture(anonymise, noExtract, outFolder(), '--key-file', KEY)).stderr).toContain('has no referrals-extract.csv');
    const both = inputFolder();
    cpSync(join(CLEAN, 'referrals.csv'), join(both, 'referrals.csv'));
    const result = await capture(anonymise, both, outFolder(), '--key-file', KEY);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds referrals.csv as well as referrals-extract.csv');
  });
});

describe('anonymise --drop-invalid: the one load path decides which referrals are left out', () => {
  // Three rows the contract rejects, each for another reason: LOC-1003 (line 4) has an NHS number whose check digit
  // is wrong (found while pseudonymising), LOC-1006 (line 7) was first seen before the date floor and before it was
  // referred, LOC-1008 (line 9) names a school that is not in schools.csv (both found by the load path's SQL).
  function brokenFolder(): string {
    const dir = inputFolder();
    const path = join(dir, 'referrals-extract.csv');
    const text = readFileSync(path, 'utf8');
    const edits: [string, string][] = [
      ['999-000-0034,Charlie,Sample', '999-000-0035,Charlie,Sample'],
      ['LOC-1006,2025-03-10,social_care,true,accepted,2025-04-01', 'LOC-1006,2025-03-10,social_care,true,accepted,1999-04-01'],
      ['100004,SLT,LOC-1008', '100009,SLT,LOC-1008'],
    ];
    let edited = text;
    for (const [from, to] of edits) {
      expect(edited).toContain(from);
      edited = edited.replace(from, to);
    }
    writeFileSync(path, edited);
    return dir;
  }
  const extract = (dir: string) => join(dir, 'referrals-extract.csv');

  it('without it: refused, every rejected row named by its line in the extract, nothing written', async () => {
    const input = brokenFolder();
    const out = outFolder();
    const result = await capture(anonymise, input, out, '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${extract(input)}:4: nhs_number: is not a valid NHS number`);
    expect(result.stderr).toMatch(new RegExp(`${extract(input).replaceAll('/', '\\/')}:7: first_contact_date: is before 2000-01-01`));
    expect(result.stderr).toContain(`${extract(input)}:9: school_urn: is not the URN of any school in schools.csv (100009)`);
    expect(result.stderr).toContain(`${extract(input)} has 3 rows the contract rejects (--drop-invalid leaves them out)`);
    expect(existsSync(out)).toBe(false);
  });

  it('with it: those three rows left out and counted, the other five written as a clean run writes them', async () => {
    const clean = outFolder();
    expect((await capture(anonymise, inputFolder(), clean, '--key-file', KEY, ...TODAY)).code).toBe(0);
    const input = brokenFolder();
    const out = outFolder();
    const result = await capture(anonymise, input, out, '--drop-invalid', '--key-file', KEY, ...TODAY);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`wrote ${join(out, 'referrals.csv')} (5 rows, pseudonymised, 3 rejected rows left out)`);
    expect(result.stderr).toContain(`${extract(input)}: 5 rows ok, 3 rejected`);
    expect(result.stderr).toContain('1 row rejected for school_urn: is not the URN of any school in schools.csv');
    // Rows 1, 2, 4, 5 and 7 of the clean run, byte for byte: the left-out rows are gone, nothing else changed.
    const cleanLines = readFileSync(join(clean, 'referrals.csv'), 'utf8').split('\n');
    const expected = [0, 1, 2, 4, 5, 7].map((i) => cleanLines[i]).join('\n') + '\n';
    expect(readFileSync(join(out, 'referrals.csv'), 'utf8')).toBe(expected);
    const check = await capture(validate, out, ...TODAY);
    expect(check.stdout).toContain('clean: 4 files checked');
  });

  it('never leaves out an identifier: a school_urn holding an NHS number still refuses the run', async () => {
    const path = join(work, 'urn-leak-drop.csv');
    writeFileSync(path, readFileSync(EXTRACT, 'utf8').replace('100002,SLT,LOC-1003', '9990000069,SLT,LOC-1003'));
    const out = outFolder();
    const result = await capture(anonymise, path, out, '--drop-invalid', '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}:4: school_urn: looks like an NHS number`);
    expect(result.stderr).toContain('1 value that looks like NHS numbers, full postcodes or names');
    expect(result.stderr).not.toContain('9990000069');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses when no referral is left', async () => {
    const path = join(work, 'all-unknown.csv');
    const [header = '', ...rows] = readFileSync(EXTRACT, 'utf8').trim().split('\n');
    writeFileSync(path, `${header}\n${rows.map((r) => r.replace(/,SLT,|,OT,/, ',XX,')).join('\n')}\n`);
    const out = outFolder();
    const result = await capture(anonymise, path, out, '--drop-invalid', '--key-file', KEY, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path} has no referral the contract accepts`);
    expect(existsSync(out)).toBe(false);
  });
});
