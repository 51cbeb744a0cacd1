// The synthetic sample data shipped with the build (dist/sample-data/, copied by the sampleData plugin in
// vite.config.ts, which also lists the files in the virtual module below), and the snapshot the same plugin makes of
// it at build time with the one load path (src/app/data-snapshot.ts), which the app opens at start-up instead.
import { SAMPLE_FILES } from 'virtual:sample-data';
import { TABLE_NAMES } from '../contract/index.ts';
import { SNAPSHOT_MANIFEST, snapshotFile, type Snapshot, type SnapshotManifest } from './data-snapshot.ts';
import { ANSWERS_FILE, type StoredAnswers } from './stored-answers.ts';

const url = (name: string) => `${import.meta.env.BASE_URL}sample-data/${name}`;

async function fetchBytes(name: string): Promise<Uint8Array> {
  const response = await fetch(url(name));
  if (!response.ok) throw new Error(`The sample file ${name} could not be fetched (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function fetchSampleFiles(): Promise<Record<string, Uint8Array>> {
  const entries = await Promise.all(SAMPLE_FILES.map(async (name) => [name, await fetchBytes(name)] as const));
  return Object.fromEntries(entries);
}

const fetchJson = async (name: string): Promise<unknown> => JSON.parse(new TextDecoder().decode(await fetchBytes(name)));

/**
 * The sample's snapshot (with the first view's stored answers, when they can be fetched) and its files' names;
 * rejects when the snapshot cannot be fetched (the files are loaded instead).
 */
export async function fetchSampleSnapshot(): Promise<{ snapshot: Snapshot; fileNames: readonly string[] }> {
  const [manifest, answers, ...tables] = await Promise.all([
    fetchJson(SNAPSHOT_MANIFEST) as Promise<SnapshotManifest>,
    (fetchJson(ANSWERS_FILE) as Promise<StoredAnswers>).catch(() => undefined),
    ...TABLE_NAMES.map(async (table) => [table, await fetchBytes(snapshotFile(table))] as const),
  ]);
  const snapshot: Snapshot = { manifest, tables: Object.fromEntries(tables) as Snapshot['tables'], ...(answers ? { answers } : {}) };
  return { snapshot, fileNames: [...SAMPLE_FILES] };
}
