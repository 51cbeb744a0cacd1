import { loadDirectory } from '/work/wt/i13/pipelines/load-dir.ts';
const t0 = performance.now();
try {
  const { db, loaded } = await loadDirectory(process.argv[2], { today: '2030-01-01' });
  console.log(JSON.stringify(loaded.rowCounts), ((performance.now() - t0) / 1000).toFixed(2), 's');
  console.log(JSON.stringify(await db.query('SELECT count(*) n, min(referral_date) a, max(referral_date) b FROM referrals_enriched')));
} catch (e) { console.log(String((e as Error).message).slice(0, 2000)); }
