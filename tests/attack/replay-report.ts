// Replays the attacks on `report` JSON made by any build (for example an older one, to show what the attacks catch):
//   tsx tests/attack/replay-report.ts DATA_DIR REPORTS_DIR
// REPORTS_DIR holds full.json (`report DATA_DIR --raw-spc`), minus-last.json (`… --to <last month − 1>`) and
// locality-<name>.json (`… --locality <name>`) for every locality. The truth comes from this build's exact mode
// on DATA_DIR. Prints, per attack, how many hidden cells of 1–4 were reached and how many were recovered exactly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countQuery } from '../../src/disclosure/index.ts';
import { createQueryRunner } from '../../src/queries/index.ts';
import { diskSql } from '../../src/queries/node-sql.ts';
import { loadDirectory } from '../../pipelines/load-dir.ts';
import { score, type Collection, type Figures } from './attacks.ts';
import { collect } from './collect.ts';

const [dataDir, reportsDir] = process.argv.slice(2);
if (!dataDir || !reportsDir) throw new Error('usage: tsx tests/attack/replay-report.ts DATA_DIR REPORTS_DIR');
const read = (file: string) => JSON.parse(readFileSync(join(reportsDir, file), 'utf8')) as Figures & { meta: { period: { months: number } } };
const full = read('full.json');
const byLocality: Record<string, Figures> = {};
for (const f of readdirSync(reportsDir).filter((n) => n.startsWith('locality-'))) byLocality[f.slice('locality-'.length, -'.json'.length)] = read(f);
const shareable: Collection = { full, byLocality, minusLastMonth: read('minus-last.json'), months: full.meta.period.months };
const { db } = await loadDirectory(dataDir);
const exact = await collect(countQuery(createQueryRunner((sql, params) => db.query(sql, params), diskSql)), Object.keys(byLocality), 'exact');
const { outcomes } = score(shareable, exact);
for (const o of outcomes) console.log(`${o.attack}: ${o.exact} of ${o.onSmall} hidden cells recovered exactly (${o.attempts} attempts)`);
await db.close();
