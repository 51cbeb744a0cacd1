// The first view's stored answers (src/app/stored-answers.ts, src/app/first-view.ts) and their use before the data
// is open (storedRunnerOf in src/app/figures.ts; the early state of src/app/data-session.ts): the lookup's keys
// (query name + parameters, under the view, filters and settings they were recorded for, for the data they were
// made from) and every mismatch falling to the live path; on real DuckDB-wasm under Node, the answers kept with a
// snapshot are the live engine's answers to the same queries, and the figures computed from them equal the live
// figures; a restart with kept answers shows the early data before the engine is ready.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { funnel, ratesByTypePhase, resolvePeriod } from '../../src/analytics/index.ts';
import { DEFAULT_SETTINGS } from '../../src/analytics/settings.ts';
import { DataSession, type DataStore } from '../../src/app/data-session.ts';
import { exportSnapshot, tablesDigest, type Snapshot } from '../../src/app/data-snapshot.ts';
import { storedRunnerOf, toAnalyticsFilters } from '../../src/app/figures.ts';
import { DEFAULT_FILTERS, FIRST_VIEW_CONTEXT } from '../../src/app/first-view.ts';
import { answerKey, answersContext, lookupAnswer, recordAnswers, usableAnswers, type StoredAnswers } from '../../src/app/stored-answers.ts';
import type { StoredData, StoredManifest } from '../../src/app/stored-data.ts';
import type { Database } from '../../src/db/database.ts';
import { loadContractTables } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import { countQuery } from '../../src/disclosure/index.ts';
import { createQueryRunner, type RunQuery } from '../../src/queries/index.ts';
import { diskSql } from '../../src/queries/node-sql.ts';
import { cleanSet } from './load-corpus.ts';
import { sizeOf, type FileData } from '../../src/db/file-data.ts';

const enrichSql = readFileSync('src/db/enrich.sql', 'utf8');
const scratch = `${mkdtempSync(join(tmpdir(), 'tee-answers-test-'))}/`;
const encode = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([n, t]) => [n, new TextEncoder().encode(t)]));

const ROWS = [{ service: 'SLT', referrals: 12, referrals_ckey: 3, school_type: null }];
const answers: StoredAnswers = {
  format: 1, data: 'abc', context: FIRST_VIEW_CONTEXT,
  answers: { [answerKey('referral-rates-by-type-phase', [null, '2021-09', '2026-08', null])]: ROWS, [answerKey('period', [])]: [{ first_month: '2021-09' }] },
};

describe('stored answers: the lookup', () => {
  it('keys a query by its name and parameters, as the live memo does', () => {
    expect(answerKey('period', [])).toBe('period\u0000[]');
    expect(answerKey('school-rates', ['SLT', '2024-01', null])).toBe('school-rates\u0000["SLT","2024-01",null]');
    expect(answerKey('school-rates', ['SLT'])).not.toBe(answerKey('school-rates', ['OT']));
  });

  it('answers the same query under the same context, with a copy of the rows', () => {
    const rows = lookupAnswer(answers, FIRST_VIEW_CONTEXT, 'referral-rates-by-type-phase', [null, '2021-09', '2026-08', null]);
    expect(rows).toEqual(ROWS);
    (rows![0] as Record<string, unknown>).referrals = 999;
    expect(lookupAnswer(answers, FIRST_VIEW_CONTEXT, 'referral-rates-by-type-phase', [null, '2021-09', '2026-08', null])).toEqual(ROWS);
  });

  it('misses on other parameters, another query, another context, or a key from the prototype', () => {
    expect(lookupAnswer(answers, FIRST_VIEW_CONTEXT, 'referral-rates-by-type-phase', ['SLT', '2021-09', '2026-08', null])).toBeUndefined();
    expect(lookupAnswer(answers, FIRST_VIEW_CONTEXT, 'school-rates', [null, '2021-09', '2026-08', null])).toBeUndefined();
    expect(lookupAnswer(answers, answersContext('demand', DEFAULT_FILTERS, DEFAULT_SETTINGS), 'period', [])).toBeUndefined();
    expect(lookupAnswer(answers, FIRST_VIEW_CONTEXT, 'toString', [])).toBeUndefined();
  });

  it('matches the context a figure of the Equity view computes under an address with no filters, and no other', () => {
    const figure = (view: string, url: Parameters<typeof toAnalyticsFilters>[0], settings = {}) =>
      answersContext(view, toAnalyticsFilters(url), { ...DEFAULT_SETTINGS, ...settings, disclosure: 'shareable' as const });
    expect(figure('equity', {})).toBe(FIRST_VIEW_CONTEXT);
    expect(figure('equity', { service: 'SLT' })).not.toBe(FIRST_VIEW_CONTEXT);
    expect(figure('equity', { from: '2024-01' })).not.toBe(FIRST_VIEW_CONTEXT);
    expect(figure('demand', {})).not.toBe(FIRST_VIEW_CONTEXT);
    expect(figure('equity', {}, { suppressionThreshold: 10 })).not.toBe(FIRST_VIEW_CONTEXT);
    expect(answersContext('equity', toAnalyticsFilters({}), { ...DEFAULT_SETTINGS, disclosure: 'exact' })).not.toBe(FIRST_VIEW_CONTEXT);
  });

  it('is usable only for the data it was made from, in this format', () => {
    expect(usableAnswers(answers, 'abc')).toBe(answers);
    expect(usableAnswers(answers, 'abd')).toBeNull();
    expect(usableAnswers(answers, undefined)).toBeNull();
    expect(usableAnswers({ ...answers, format: 2 }, 'abc')).toBeNull();
    expect(usableAnswers({ ...answers, answers: { x: 'not rows' } }, 'abc')).toBeNull();
    expect(usableAnswers(null, 'abc')).toBeNull();
  });

  it('leaves out answers that would not read back exactly from JSON', async () => {
    const run = ((name: string) => Promise.resolve(name === 'period' ? [{ months: Number.NaN }] : [{ n: 1.5, s: 'a', b: true, z: null }])) as unknown as RunQuery;
    const recorded = await recordAnswers(run, 'abc', FIRST_VIEW_CONTEXT, async (r) => { await r('period', []); await r('schools-list', []); });
    expect(Object.keys(recorded.answers)).toEqual([answerKey('schools-list', [])]);
    expect(JSON.parse(JSON.stringify(recorded))).toEqual(recorded);
  });

  it('before the data is open, a stored query is answered and any other waits until the figure is superseded', async () => {
    const controller = new AbortController();
    const run = storedRunnerOf(answers, FIRST_VIEW_CONTEXT, controller.signal);
    expect(await run('referral-rates-by-type-phase', [null, '2021-09', '2026-08', null])).toEqual(ROWS);
    let settled = false;
    const miss = run('referral-rates-by-type-phase', ['OT', '2021-09', '2026-08', null]).finally(() => { settled = true; });
    const otherContext = storedRunnerOf(answers, answersContext('equity', { ...DEFAULT_FILTERS, service: 'OT' }, DEFAULT_SETTINGS), controller.signal)('period', []);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    controller.abort();
    await expect(miss).rejects.toMatchObject({ name: 'AbortError' });
    await expect(otherContext).rejects.toMatchObject({ name: 'AbortError' });
  });
});

class MemoryStore implements DataStore {
  kept: StoredData | null = null;
  support() { return Promise.resolve({ ok: true as const }); }
  read() { return Promise.resolve(this.kept); }
  save(files: Record<string, FileData>, dateFloor: string, snapshot?: Snapshot, loadedAt = '2026-01-02T03:04:05.000Z') {
    const manifest: StoredManifest = { format: 1, loadedAt, dateFloor,
      files: Object.keys(files).sort().map((name) => ({ name, bytes: sizeOf(files[name] ?? new Uint8Array()) })), ...(snapshot ? { snapshot: snapshot.manifest } : {}) };
    this.kept = { manifest, readFiles: () => Promise.resolve({ ...files }), ...(snapshot ? { snapshot } : {}) };
    return Promise.resolve(manifest);
  }
  forget() { this.kept = null; return Promise.resolve(); }
}

const live = (db: Database): RunQuery => createQueryRunner((sql, params) => db.query(sql, params), diskSql);

describe('stored answers: made with a snapshot, on real DuckDB-wasm', () => {
  it('are the live answers to the same queries, and the figures computed from them equal the live figures', async () => {
    const db = await openNodeDatabase();
    const loaded = await loadContractTables(db, encode(cleanSet()), { enrichSql });
    const snapshot = await exportSnapshot(db, loaded, scratch, diskSql);
    expect(snapshot.manifest.digest).toBe(await tablesDigest(snapshot.tables));
    const stored = usableAnswers(snapshot.answers, snapshot.manifest.digest);
    expect(stored?.context).toBe(FIRST_VIEW_CONTEXT);
    const keys = Object.keys(stored!.answers);
    for (const query of ['period', 'referral-rates-by-type-phase', 'school-rates', 'provision-by-school', 'programme-impact']) {
      expect(keys.some((k) => k.startsWith(`${query}\u0000`)), query).toBe(true);
    }
    // Each stored answer is what the engine answers now to that query (asked afresh, not through the recorder).
    for (const key of keys) {
      const [name, params] = key.split('\u0000') as [Parameters<RunQuery>[0], string];
      expect(await live(db)(name, JSON.parse(params) as never[]), key).toEqual(stored!.answers[key]);
    }
    // The same analytics and gate on the stored rows and on the live rows give the same figures.
    const fromStored = countQuery(storedRunnerOf(stored!, FIRST_VIEW_CONTEXT, new AbortController().signal));
    const fromLive = countQuery(live(db));
    const [extent] = await live(db)('period', []);
    const period = resolvePeriod(DEFAULT_FILTERS, extent!);
    expect(await ratesByTypePhase(fromStored, DEFAULT_FILTERS, period, DEFAULT_SETTINGS)).toEqual(await ratesByTypePhase(fromLive, DEFAULT_FILTERS, period, DEFAULT_SETTINGS));
    expect(await funnel(fromStored, DEFAULT_FILTERS, period, DEFAULT_SETTINGS)).toEqual(await funnel(fromLive, DEFAULT_FILTERS, period, DEFAULT_SETTINGS));
    await db.close();
  });

  it('are kept with the user\'s snapshot, and the next start shows them as early data before the engine is ready', async () => {
    const store = new MemoryStore();
    const first = new DataSession(enrichSql, store, scratch, diskSql);
    await first.start(openNodeDatabase(), { files: () => Promise.resolve(encode(cleanSet())) });
    const files = encode(cleanSet());
    files['referrals.csv'] = new TextEncoder().encode(`${cleanSet()['referrals.csv']!.split('\n').slice(0, 4).join('\n')}\n`);
    await first.loadUserFiles(files);
    await first.settled();
    const kept = store.kept?.snapshot;
    expect(usableAnswers(kept?.answers, kept?.manifest.digest)).not.toBeNull();

    let openEngine!: (db: Database) => void;
    const engine = new Promise<Database>((resolve) => { openEngine = resolve; });
    const next = new DataSession(enrichSql, store, scratch, diskSql);
    const started = next.start(engine, { files: () => Promise.reject(new Error('the sample is not wanted')) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const state = next.getState();
    expect(state.status).toBe('loading');
    const early = state.status === 'loading' ? state.early : undefined;
    expect(early?.db).toBeNull();
    expect(early?.source).toBe('user');
    expect(early?.loaded.rowCounts.referrals).toBe(3);
    expect(early?.answers).toEqual(kept?.answers);
    openEngine(await openNodeDatabase());
    await started;
    const ready = next.getState();
    expect(ready.status === 'ready' && ready.data.keeping).toMatchObject({ kind: 'kept', reopened: true });
    // No stored answers for data without a digest match: a snapshot whose tables changed gives no early state.
    const otherDigest: DataStore = {
      support: () => store.support(), save: (...args) => store.save(...args), forget: () => store.forget(),
      read: () => Promise.resolve({ ...store.kept!, snapshot: { ...kept!, manifest: { ...kept!.manifest, digest: 'other' } } }),
    };
    const changed = new DataSession(enrichSql, otherDigest, scratch);
    let openOther!: (db: Database) => void;
    const changedStarted = changed.start(new Promise<Database>((resolve) => { openOther = resolve; }), { files: () => Promise.reject(new Error('no')) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waiting = changed.getState();
    expect(waiting.status === 'loading' && waiting.early).toBeFalsy();
    openOther(await openNodeDatabase());
    await changedStarted;
  });
});
