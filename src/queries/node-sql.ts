// The .sql files read from disk, for the `report` command under plain Node (no Vite).
import { readFileSync } from 'node:fs';
import type { QueryName, SqlSource } from './index.ts';

const cache = new Map<QueryName, string>();

export const diskSql: SqlSource = (name: QueryName) => {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./${name}.sql`, import.meta.url), 'utf8');
    cache.set(name, text);
  }
  return text;
};
