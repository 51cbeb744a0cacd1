// `report` reads a folder of Parquet files (as `to-parquet` writes them) and gives the same figures as from CSV.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { run as toParquet } from '../../pipelines/commands/to-parquet.ts';
import { loadDirectory } from '../../pipelines/load-dir.ts';

const out = mkdtempSync(join(tmpdir(), 'tee-parquet-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('loads the sample data from Parquet with the same rows and the same figures as from CSV', async () => {
  const csvDir = new URL('../../sample-data/', import.meta.url).pathname;
  expect(await toParquet([csvDir, out, '--today', '2030-01-01'])).toBe(0);
  const fromCsv = await loadDirectory(csvDir);
  const fromParquet = await loadDirectory(out);
  try {
    // The sample's own row counts (sample-data/README.md): 90 schools, 15,000 referrals, 22,290 provision rows.
    expect(fromParquet.loaded.rowCounts).toEqual({ schools: 90, referrals: 15000, provision: 22290, workforce: 120 });
    expect(fromParquet.loaded.rejectCount).toBe(0);
    const figure = 'SELECT service, age_phase, count(*) AS n, min(referral_date) AS first, sum(has_ehcp::INT) AS ehcp FROM referrals_enriched GROUP BY ALL ORDER BY ALL';
    expect(await fromParquet.db.query(figure)).toEqual(await fromCsv.db.query(figure));
  } finally {
    await fromCsv.db.close();
    await fromParquet.db.close();
  }
});
