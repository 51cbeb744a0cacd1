// The raw answers (pre-gate rows, as the query runner returns them) of the first view's figures under the default
// filters, stored beside a snapshot when it is made (the sample's at build time in vite.config.ts, the user's own
// when kept on their device, src/app/data-session.ts), so that at start-up, while the engine starts and the
// snapshot opens, those figures are computed from them by the same analytics and disclosure gate code (only the
// rows' source differs) and the first chart is drawn before the engine is ready. Once the data is open everything
// runs live and gives the same values. They never leave the device (the built sample, or OPFS beside the user's
// files), and nothing in them is shown except through the gate (src/app/figures.ts seals them with countQuery).
// A stored answer is used only for the data it was made from (the snapshot's digest), for the view, filters and
// settings (the disclosure mode among them) it was recorded under, and for the exact query name and parameters;
// anything else is a miss, and a miss waits for the live data. No React here.
import type { QueryParam } from '../db/database.ts';
import type { QueryName, RunQuery } from '../queries/index.ts';

const FORMAT = 1;

/** The file the answers are kept in, beside the snapshot's tables (sample-data/ in the build, or OPFS). */
export const ANSWERS_FILE = 'tee-answers.json';

export interface StoredAnswers {
  readonly format: typeof FORMAT;
  /** The snapshot these answers were computed from (its manifest's digest). */
  readonly data: string;
  /** The view, filters and settings they were asked under (answersContext()). */
  readonly context: string;
  /** answerKey(name, params) → the rows the query runner returned. */
  readonly answers: Readonly<Record<string, readonly unknown[]>>;
}

/** A query's key: its name and parameters (also the key of the live answers' memo in src/app/figures.ts). */
export function answerKey(name: string, params: readonly QueryParam[]): string {
  return `${name}\u0000${JSON.stringify(params)}`;
}

/** The view, filters and settings as one string (keys sorted, so the order they were written in does not matter). */
export function answersContext(view: string, filters: object, settings: object): string {
  const sorted = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify([view, sorted(filters), sorted(settings)]);
}

/** Rows that read back from JSON exactly as they are: null, strings, booleans and finite numbers only. */
function storable(rows: readonly unknown[]): boolean {
  return rows.every((row) => row !== null && typeof row === 'object' && Object.values(row as Record<string, unknown>).every((v) =>
    v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))));
}

/**
 * Runs `ask` (the figures to store, computed in full) with `run` and records every query it made and the rows it
 * got. A query whose rows would not read back exactly from JSON is left out (that figure then runs live).
 */
export async function recordAnswers(run: RunQuery, data: string, context: string, ask: (run: RunQuery) => Promise<unknown>): Promise<StoredAnswers> {
  const answers: Record<string, readonly unknown[]> = {};
  const left: Set<string> = new Set();
  const recording = (async (name: QueryName, params: readonly QueryParam[]) => {
    const rows = await run(name, params);
    const key = answerKey(name, params);
    if (storable(rows)) answers[key] = rows;
    else left.add(key);
    return rows;
  }) as RunQuery;
  await ask(recording);
  for (const key of left) delete answers[key];
  return { format: FORMAT, data, context, answers };
}

/** The answers when they are stored answers of this format for the data `digest`; null otherwise. */
export function usableAnswers(value: unknown, digest: string | undefined): StoredAnswers | null {
  const a = value as Partial<StoredAnswers> | null;
  if (!digest || !a || a.format !== FORMAT || a.data !== digest || typeof a.context !== 'string') return null;
  if (!a.answers || typeof a.answers !== 'object' || !Object.values(a.answers).every(Array.isArray)) return null;
  return a as StoredAnswers;
}

/**
 * The stored rows for one query asked under `context`, or undefined (a miss: another context, or a query that was
 * not stored). The rows are a copy: what the caller does to them never changes the store.
 */
export function lookupAnswer(answers: StoredAnswers, context: string, name: string, params: readonly QueryParam[]): unknown[] | undefined {
  if (answers.context !== context) return undefined;
  const rows = Object.prototype.hasOwnProperty.call(answers.answers, answerKey(name, params)) ? answers.answers[answerKey(name, params)] : undefined;
  return rows?.map((row) => ({ ...(row as object) }));
}
