// The user's own data kept on their device for their next visit, in the browser's origin-private file system
// (OPFS: storage only this site can read, never sent anywhere). What is kept is the files exactly as loaded (only
// after every one passed the contract check), a snapshot of the checked tables (src/app/data-snapshot.ts) with the
// first view's stored answers (src/app/stored-answers.ts), and a small manifest: when they were loaded, their names
// and sizes, the date floor they were checked against. On return
// the session opens the snapshot, or, if it was made under another data contract, loads the files again through
// the checks (src/app/data-session.ts). The sample is never kept.
// The manifest is written last and read first: a half-written set (the tab closed mid-way) has no manifest and is
// ignored. No React here.

import { TABLE_NAMES } from '../contract/index.ts';
import { snapshotFile, snapshotProblem, type Snapshot, type SnapshotManifest } from './data-snapshot.ts';
import { ANSWERS_FILE } from './stored-answers.ts';
import { sizeOf, type FileData } from '../db/file-data.ts';

/** The folder in OPFS that holds the kept files and manifest.json. */
export const STORED_DIR = 'tee-own-data';
const MANIFEST = 'manifest.json';
const FORMAT = 1;

export interface StoredFile {
  readonly name: string;
  readonly bytes: number;
}

export interface StoredManifest {
  readonly format: typeof FORMAT;
  /** When the files were loaded (ISO 8601, UTC). */
  readonly loadedAt: string;
  readonly files: readonly StoredFile[];
  /** The plausibility date floor they were checked against (yyyy-mm-dd). */
  readonly dateFloor: string;
  /** The snapshot kept beside the files (its tables are in snapshotFile(table)). */
  readonly snapshot?: SnapshotManifest;
}

export interface StoredData {
  readonly manifest: StoredManifest;
  /** Reads the kept files (only needed when the snapshot cannot be opened). */
  readonly readFiles: () => Promise<Record<string, FileData>>;
  /** The snapshot, when one was kept and this version can open it. */
  readonly snapshot?: Snapshot;
}

/** Why the files cannot be kept on this device, or null when they can. */
export type StorageSupport = { readonly ok: true } | { readonly ok: false; readonly reason: string };

// Files are kept under numbered names, so a file name chosen by the user never becomes a path.
const slot = (index: number) => `file-${index}.bin`;

async function root(): Promise<FileSystemDirectoryHandle> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) {
    throw new Error('this browser has no origin-private file system');
  }
  return navigator.storage.getDirectory();
}

async function folder(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await (await root()).getDirectoryHandle(STORED_DIR, { create });
  } catch (error) {
    if (!create && error instanceof DOMException && error.name === 'NotFoundError') return null;
    throw error;
  }
}

async function writeFile(dir: FileSystemDirectoryHandle, name: string, data: FileData | string): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true });
  if (typeof handle.createWritable !== 'function') throw new Error('this browser cannot write files to its origin-private file system');
  const writable = await handle.createWritable();
  try {
    // A Blob (the File chosen) is written as it is, read from disk as it goes.
    await writable.write(typeof data === 'string' || data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]));
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
  await writable.close();
}

const isManifest = (value: unknown): value is StoredManifest => {
  const m = value as Partial<StoredManifest> | null;
  return !!m && m.format === FORMAT && typeof m.loadedAt === 'string' && typeof m.dateFloor === 'string'
    && Array.isArray(m.files) && m.files.every((f) => typeof f?.name === 'string' && typeof f.bytes === 'number');
};

/** Whether files can be kept here: OPFS present and writable from the page. Never throws. */
export async function storageSupport(): Promise<StorageSupport> {
  try {
    const dir = await root();
    const probe = await dir.getFileHandle('tee-probe', { create: true });
    const ok = typeof probe.createWritable === 'function';
    await dir.removeEntry('tee-probe').catch(() => undefined);
    return ok ? { ok } : { ok: false, reason: 'this browser cannot write files to its origin-private file system' };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Keeps the files (replacing any kept before) and returns the manifest written. Rejects when they cannot be kept. */
export async function saveStoredData(files: Record<string, FileData>, dateFloor: string, snapshot?: Snapshot, loadedAt = new Date().toISOString()): Promise<StoredManifest> {
  await forgetStoredData();
  const dir = await folder(true);
  if (!dir) throw new Error('the folder for your data could not be made');
  const names = Object.keys(files).sort();
  for (const [index, name] of names.entries()) await writeFile(dir, slot(index), files[name] ?? new Uint8Array());
  if (snapshot) for (const table of TABLE_NAMES) await writeFile(dir, snapshotFile(table), snapshot.tables[table]);
  if (snapshot?.answers) await writeFile(dir, ANSWERS_FILE, JSON.stringify(snapshot.answers));
  const manifest: StoredManifest = {
    format: FORMAT, loadedAt, dateFloor,
    files: names.map((name) => ({ name, bytes: sizeOf(files[name] ?? new Uint8Array()) })),
    ...(snapshot ? { snapshot: snapshot.manifest } : {}),
  };
  await writeFile(dir, MANIFEST, JSON.stringify(manifest));
  return manifest;
}

/** The kept files and their manifest, or null when nothing (complete) is kept. Rejects when they cannot be read. */
export async function readStoredData(): Promise<StoredData | null> {
  let dir: FileSystemDirectoryHandle | null;
  try {
    dir = await folder(false);
  } catch {
    return null; // No OPFS (or it refuses access): nothing can have been kept.
  }
  if (!dir) return null;
  let text: string;
  try {
    text = await (await (await dir.getFileHandle(MANIFEST)).getFile()).text();
  } catch {
    return null;
  }
  const manifest: unknown = JSON.parse(text);
  if (!isManifest(manifest)) throw new Error('the note of what was kept is not one this version of the tool can read');
  const readBytes = async (name: string) => new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
  const readFiles = async () => Object.fromEntries(await Promise.all(manifest.files.map(async (file, index) => {
    const bytes = await readBytes(slot(index));
    if (bytes.byteLength !== file.bytes) throw new Error(`${file.name} is not the size it was when it was kept`);
    return [file.name, bytes] as const;
  })));
  let snapshot: Snapshot | undefined;
  if (manifest.snapshot && !snapshotProblem(manifest.snapshot)) {
    // A snapshot that cannot be read is only slower: the files are loaded through the checks instead.
    const tables = await Promise.all(TABLE_NAMES.map(async (table) => [table, await readBytes(snapshotFile(table))] as const)).catch(() => null);
    // The first view's stored answers are only a head start: without them (or unreadable) the figures run live.
    const answers: unknown = tables ? await readBytes(ANSWERS_FILE).then((b) => JSON.parse(new TextDecoder().decode(b)) as unknown, () => undefined) : undefined;
    if (tables) snapshot = { manifest: manifest.snapshot, tables: Object.fromEntries(tables) as Snapshot['tables'], ...(answers ? { answers: answers as Snapshot['answers'] } : {}) };
  }
  return { manifest, readFiles, ...(snapshot ? { snapshot } : {}) };
}

/** Deletes everything kept. Resolves when nothing is kept (also when there was nothing, or no OPFS at all). */
export async function forgetStoredData(): Promise<void> {
  let dir: FileSystemDirectoryHandle;
  try {
    dir = await root();
  } catch {
    return;
  }
  try {
    await dir.removeEntry(STORED_DIR, { recursive: true });
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
  }
}

/** "2 December 2026 at 04:30" (local time): when a data set was loaded, for the page to say. */
export function formatLoadedAt(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The device's storage as the session uses it (src/app/data-session.ts). */
export const DEVICE_STORE = {
  support: storageSupport,
  read: readStoredData,
  save: (files: Record<string, FileData>, dateFloor: string, snapshot: Snapshot | undefined, loadedAt: string) =>
    saveStoredData(files, dateFloor, snapshot, loadedAt),
  forget: forgetStoredData,
};
