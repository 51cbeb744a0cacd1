// Parsing one cell against its column spec: returns the normalised text written to clean CSVs, or an error.
import type { ColumnSpec } from './types.ts';

export type CellResult = { ok: true; value: string } | { ok: false; message: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO yyyy-mm-dd, or UK dd/mm/yyyy converted to ISO. */
export function parseDate(raw: string): string | null {
  const iso = ISO_DATE.exec(raw);
  const uk = UK_DATE.exec(raw);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : uk ? [Number(uk[3]), Number(uk[2]), Number(uk[1])] : [NaN, NaN, NaN];
  if (!isRealDate(y, m, d)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function checkRange(n: number, spec: ColumnSpec): string | null {
  if (spec.min !== undefined && n < spec.min) return `must be at least ${spec.min}`;
  if (spec.max !== undefined && n > spec.max) return `must be at most ${spec.max}`;
  return null;
}

export function parseCell(raw: string, spec: ColumnSpec): CellResult {
  const value = raw.trim();
  if (value === '') return spec.required ? { ok: false, message: 'is required' } : { ok: true, value: '' };
  switch (spec.type) {
    case 'string':
      return { ok: true, value };
    case 'enum':
      return spec.allowed?.includes(value) ? { ok: true, value }
        : { ok: false, message: `must be one of ${spec.allowed?.join(', ')}` };
    case 'integer': {
      if (!INTEGER.test(value)) return { ok: false, message: 'must be a whole number' };
      const problem = checkRange(Number(value), spec);
      return problem ? { ok: false, message: problem } : { ok: true, value: String(Number(value)) };
    }
    case 'number': {
      if (!NUMBER.test(value)) return { ok: false, message: 'must be a number' };
      const problem = checkRange(Number(value), spec);
      return problem ? { ok: false, message: problem } : { ok: true, value: String(Number(value)) };
    }
    case 'date': {
      const iso = parseDate(value);
      return iso ? { ok: true, value: iso } : { ok: false, message: 'must be a date as yyyy-mm-dd or dd/mm/yyyy' };
    }
    case 'month': {
      const m = MONTH.exec(value);
      return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { ok: true, value }
        : { ok: false, message: 'must be a month as yyyy-mm' };
    }
    case 'boolean': {
      const lower = value.toLowerCase();
      if (TRUE_WORDS.has(lower)) return { ok: true, value: 'true' };
      if (FALSE_WORDS.has(lower)) return { ok: true, value: 'false' };
      return { ok: false, message: 'must be true or false' };
    }
  }
}
