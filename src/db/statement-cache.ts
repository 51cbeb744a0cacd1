// Prepared statements kept by SQL text and reused (issue 14): preparing a figure's query costs more than running it
// on the model's small tables, and the same few queries run on every filter change. Used by browser-duckdb.ts and
// node-duckdb.ts. A statement is closed only when no query is using it: when the cache drops it (more than `limit`
// texts, or `clear()` after a statement that changes the schema), or when the database closes.

/**
 * True for SQL that may change what a prepared statement was bound to (tables created, replaced or dropped, a
 * transaction rolled back): anything but a plain read. The caches are cleared after it.
 */
export function changesSchema(sql: string): boolean {
  return !/^\s*(select|with|from|values|explain|describe|show)\b/i.test(sql);
}

interface Entry<S> {
  readonly statement: Promise<S>;
  users: number;
  dropped: boolean;
}

export class StatementCache<S> {
  private readonly entries = new Map<string, Entry<S>>();

  constructor(
    private readonly prepare: (sql: string) => Promise<S>,
    private readonly close: (statement: S) => void,
    private readonly limit = 64,
  ) {}

  /** Runs `task` with the prepared statement for `sql`, preparing it the first time. */
  async run<T>(sql: string, task: (statement: S) => Promise<T>): Promise<T> {
    let entry = this.entries.get(sql);
    if (entry) {
      // Most recently used last, so the oldest is the one dropped when the cache is full.
      this.entries.delete(sql);
      this.entries.set(sql, entry);
    } else {
      entry = { statement: this.prepare(sql), users: 0, dropped: false };
      this.entries.set(sql, entry);
      while (this.entries.size > this.limit) {
        const [oldest, old] = this.entries.entries().next().value as [string, Entry<S>];
        this.drop(oldest, old);
      }
    }
    entry.users++;
    try {
      const statement = await entry.statement.catch((error: unknown) => {
        // A statement that failed to prepare is not kept: the same text is prepared afresh next time.
        if (this.entries.get(sql) === entry) this.entries.delete(sql);
        entry.dropped = true;
        throw error;
      });
      return await task(statement);
    } finally {
      entry.users--;
      if (entry.dropped && entry.users === 0) this.release(entry);
    }
  }

  /** Forgets every statement (each is closed once no query is using it). */
  clear(): void {
    for (const [sql, entry] of [...this.entries]) this.drop(sql, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(sql: string, entry: Entry<S>): void {
    this.entries.delete(sql);
    entry.dropped = true;
    if (entry.users === 0) this.release(entry);
  }

  private release(entry: Entry<S>): void {
    entry.statement.then((s) => this.close(s), () => undefined);
  }
}
