// The session's side of keeping the user's files on their device (src/app/data-session.ts with an in-memory store
// in place of the browser's OPFS, on real DuckDB-wasm under Node): kept files open instead of the sample, without
// fetching it; kept files that no longer pass fall back to the sample and say why; a load keeps its files (or not,
// when the user says so or the browser cannot); forgetting deletes them and goes back to the sample. The browser
// side (OPFS itself) is the e2e case "data: your files are kept in this browser".
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataSession, type DataStore, type ReadyData } from '../../src/app/data-session.ts';
import type { Snapshot } from '../../src/app/data-snapshot.ts';
import type { StoredData, StoredManifest } from '../../src/app/stored-data.ts';
import { ContractRefusal } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import { cleanSet, type FileSet } from './load-corpus.ts';
import { sizeOf, type FileData } from '../../src/db/file-data.ts';

const enrichSql = readFileSync('src/db/enrich.sql', 'utf8');
// DuckDB-wasm under Node writes snapshot exports to disk: into a folder of this test's own.
const scratch = `${mkdtempSync(join(tmpdir(), 'tee-keeping-test-'))}/`;
const encode = (files: FileSet) => Object.fromEntries(Object.entries(files).map(([n, t]) => [n, new TextEncoder().encode(t)]));
const dataRows = (text: string) => text.split(/\r?\n/).slice(1).filter((l) => l.trim() !== '').length;

/** The clean set with referrals cut to its first `rows` rows, so it can be told apart from the sample. */
function fewerReferrals(rows: number): FileSet {
  const set = cleanSet();
  const referrals = set['referrals.csv'] ?? '';
  set['referrals.csv'] = referrals.split('\n').slice(0, rows + 1).join('\n') + '\n';
  return set;
}

class MemoryStore implements DataStore {
  kept: StoredData | null = null;
  readonly calls: string[] = [];
  constructor(private readonly options: { supported?: boolean; saveFails?: boolean } = {}) {}
  support() {
    this.calls.push('support');
    return Promise.resolve(this.options.supported === false ? { ok: false as const, reason: 'no OPFS here' } : { ok: true as const });
  }
  read() {
    this.calls.push('read');
    return Promise.resolve(this.kept);
  }
  save(files: Record<string, FileData>, dateFloor: string, snapshot?: Snapshot, loadedAt = '2026-01-02T03:04:05.000Z') {
    this.calls.push('save');
    if (this.options.saveFails) return Promise.reject(new Error('the disk is full'));
    const manifest: StoredManifest = { format: 1, loadedAt, dateFloor,
      files: Object.keys(files).sort().map((name) => ({ name, bytes: sizeOf(files[name] ?? new Uint8Array()) })),
      ...(snapshot ? { snapshot: snapshot.manifest } : {}) };
    this.kept = { manifest, readFiles: () => Promise.resolve({ ...files }), ...(snapshot ? { snapshot } : {}) };
    return Promise.resolve(manifest);
  }
  forget() {
    this.calls.push('forget');
    this.kept = null;
    return Promise.resolve();
  }
}

/** The data set once the session has finished keeping it (keeping runs in the background after ready). */
async function keptData(session: DataSession): Promise<ReadyData> {
  await session.settled();
  return ready(session);
}

function ready(session: DataSession): ReadyData {
  const state = session.getState();
  if (state.status !== 'ready') throw new Error(`session is ${state.status}`);
  return state.data;
}

async function referralRows(session: DataSession): Promise<number> {
  const [row] = await ready(session).db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM referrals');
  return row?.n ?? -1;
}

async function started(store: DataStore) {
  let sampleFetches = 0;
  const session = new DataSession(enrichSql, store, scratch);
  await session.start(openNodeDatabase(), {
    files: () => {
      sampleFetches += 1;
      return Promise.resolve(encode(cleanSet()));
    },
  });
  return { session, sampleFetches: () => sampleFetches };
}

const sampleReferrals = dataRows(cleanSet()['referrals.csv'] ?? '');

describe('DataSession keeps the user\'s files on the device', () => {
  it('starts on the sample when nothing is kept', async () => {
    const { session, sampleFetches } = await started(new MemoryStore());
    expect(ready(session).source).toBe('sample');
    expect(ready(session).keeping).toEqual({ kind: 'sample' });
    expect(sampleFetches()).toBe(1);
    expect(await referralRows(session)).toBe(sampleReferrals);
  });

  it('opens the kept files instead of the sample, with when they were loaded, and never fetches the sample', async () => {
    const store = new MemoryStore();
    await store.save(encode(fewerReferrals(4)), '2000-01-01');
    const { session, sampleFetches } = await started(store);
    const data = ready(session);
    expect(data.source).toBe('user');
    expect(data.keeping).toMatchObject({ kind: 'kept', reopened: true, manifest: { loadedAt: '2026-01-02T03:04:05.000Z' } });
    expect(data.fileNames).toEqual(Object.keys(cleanSet()).sort());
    expect(sampleFetches()).toBe(0);
    expect(await referralRows(session)).toBe(4);
  });

  it('reopens kept files (without a snapshot) with the date floor they were checked against', async () => {
    const store = new MemoryStore();
    await store.save(encode(fewerReferrals(4)), '2030-01-01');
    const { session } = await started(store);
    // Every referral is before 2030, so under that floor the kept files are refused and the sample is shown.
    const data = ready(session);
    expect(data.source).toBe('sample');
    expect(data.keeping.kind === 'sample' && data.keeping.reopenProblem).toMatch(/referrals\.csv:\d+/);
    expect(await referralRows(session)).toBe(sampleReferrals);
  });

  it('keeps a load\'s files with its date floor, and forgetting deletes them and goes back to the sample', async () => {
    const store = new MemoryStore();
    const { session } = await started(store);
    const files = encode(fewerReferrals(3));
    const inUse = await session.loadUserFiles(files, { dateFloor: '2001-02-03' });
    // Ready (in use) before it is kept: keeping runs after, and then the state says where it is kept.
    expect(inUse.keeping.kind).toBe('keeping');
    expect(store.calls).not.toContain('save');
    const data = await keptData(session);
    expect(data.version).toBe(inUse.version);
    // The time kept is the time the page said the data was loaded, not a later one.
    const loadedAt = inUse.keeping.kind === 'keeping' ? inUse.keeping.loadedAt : 'not keeping';
    expect(data.keeping).toMatchObject({ kind: 'kept', reopened: false, manifest: { dateFloor: '2001-02-03', loadedAt } });
    expect(data.dateFloor).toBe('2001-02-03');
    expect((await store.kept?.readFiles())?.['referrals.csv']).toEqual(files['referrals.csv']);
    expect(await referralRows(session)).toBe(3);
    // A snapshot of the checked tables is kept beside the files: the next visit opens it, not the files.
    expect(store.kept?.snapshot?.manifest.loaded.rowCounts.referrals).toBe(3);
    const { readFiles, ...rest } = store.kept as StoredData;
    let filesRead = 0;
    store.kept = { ...rest, readFiles: () => { filesRead += 1; return readFiles(); } };
    const next = await started(store);
    expect(ready(next.session).keeping).toMatchObject({ kind: 'kept', reopened: true });
    expect(await referralRows(next.session)).toBe(3);
    expect(filesRead).toBe(0);
    expect(next.sampleFetches()).toBe(0);
    store.kept = { ...rest, readFiles };
    const back = await session.forgetKeptData();
    expect(store.kept).toBeNull();
    expect(back.source).toBe('sample');
    expect(await referralRows(session)).toBe(sampleReferrals);
  });

  it('forgetting while the files are being kept waits for the keeping, then deletes them', async () => {
    const store = new MemoryStore();
    const { session } = await started(store);
    const inUse = await session.loadUserFiles(encode(fewerReferrals(3)));
    expect(inUse.keeping.kind).toBe('keeping');
    const back = await session.forgetKeptData();
    expect(store.calls.indexOf('save')).toBeGreaterThan(-1);
    expect(store.calls.lastIndexOf('forget')).toBeGreaterThan(store.calls.indexOf('save'));
    expect(store.kept).toBeNull();
    expect(back.source).toBe('sample');
  });

  it('passes the date floor to the checks: files refused under it are neither loaded nor kept', async () => {
    const store = new MemoryStore();
    const { session } = await started(store);
    await expect(session.loadUserFiles(encode(fewerReferrals(3)), { dateFloor: '2030-01-01' })).rejects.toBeInstanceOf(ContractRefusal);
    expect(store.calls).not.toContain('save');
    expect(ready(session).source).toBe('sample');
  });

  it('holds the files in the tab only when the user says so, when the browser cannot keep them, or when saving fails', async () => {
    const chosen = new MemoryStore();
    await chosen.save(encode(fewerReferrals(2)), '2000-01-01');
    const first = await started(chosen);
    await first.session.loadUserFiles(encode(fewerReferrals(5)), { keep: false });
    const notKept = await keptData(first.session);
    expect(notKept.keeping).toMatchObject({ kind: 'tab-only', reason: 'chosen' });
    // Choosing not to keep the new files also forgets the ones kept before.
    expect(chosen.kept).toBeNull();

    const none = await started(new MemoryStore({ supported: false }));
    await none.session.loadUserFiles(encode(fewerReferrals(5)));
    expect((await keptData(none.session)).keeping).toMatchObject({ kind: 'tab-only', reason: 'unavailable', detail: 'no OPFS here' });

    const failing = new MemoryStore({ saveFails: true });
    const third = await started(failing);
    await third.session.loadUserFiles(encode(fewerReferrals(5)));
    const failed = await keptData(third.session);
    expect(failed.keeping).toMatchObject({ kind: 'tab-only', reason: 'failed', detail: 'the disk is full' });
    expect(failing.calls.at(-1)).toBe('forget');
    expect(await referralRows(third.session)).toBe(5);
  });
});
