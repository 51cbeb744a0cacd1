// Arrow results → plain JSON-friendly rows: BigInt → number, DATE → 'yyyy-mm-dd', DECIMAL → number.
import { DataType, type Table } from 'apache-arrow';
import type { ResultRow, ResultValue } from './database.ts';

const MS_PER_DAY = 86_400_000;

type Convert = (value: unknown) => ResultValue;

function convertOther(value: unknown): ResultValue {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return new Date(Math.round(value.getTime() / MS_PER_DAY) * MS_PER_DAY).toISOString();
  return String(value);
}

/** How a column's values become plain values: chosen once per column from its type, not per cell. */
function converterOf(type: DataType): Convert {
  if (DataType.isDate(type)) return (value) => new Date(Number(value)).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type)) return (value) => new Date(Number(value)).toISOString();
  if (DataType.isDecimal(type)) {
    const divisor = 10 ** (type as unknown as { scale: number }).scale;
    return (value) => Number(String(value)) / divisor;
  }
  return convertOther;
}

export function arrowToRows<T extends ResultRow>(table: Table): T[] {
  const fields = table.schema.fields;
  const rows: ResultRow[] = Array.from({ length: table.numRows }, () => ({}));
  // Column by column, through each column's iterator (chunk by chunk; nulls as null): Vector.get(i) looks up the
  // chunk for every cell, which cost a filter change several milliseconds per answer.
  for (const field of fields) {
    const column = table.getChild(field.name);
    const convert = converterOf(field.type);
    let i = 0;
    if (column) {
      for (const value of column) {
        (rows[i] as ResultRow)[field.name] = value === null || value === undefined ? null : convert(value);
        i++;
      }
    }
    for (; i < rows.length; i++) (rows[i] as ResultRow)[field.name] = null;
  }
  return rows as T[];
}
