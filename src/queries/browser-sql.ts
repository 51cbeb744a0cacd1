// The .sql files bundled as text by Vite (also works under vitest).
import type { QueryName, SqlSource } from './index.ts';

const files = import.meta.glob('./*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const bundledSql: SqlSource = (name: QueryName) => {
  const text = files[`./${name}.sql`];
  if (text === undefined) throw new Error(`No SQL file for query '${name}'`);
  return text;
};
