// The shape of the data contract: every table, column, type and allowed value is declared once with these types.
export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'month' | 'boolean' | 'enum';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** false: the cell may be blank. */
  readonly required: boolean;
  readonly allowed?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly description: string;
}

export interface TableSpec {
  readonly name: TableName;
  readonly file: string;
  readonly description: string;
  /** Optional tables (workforce) may be absent from a data set. */
  readonly optional: boolean;
  readonly columns: readonly ColumnSpec[];
  /** Columns whose combined value must be unique. */
  readonly key: readonly string[];
}

export type TableName = 'schools' | 'referrals' | 'provision' | 'workforce';

/** One problem with one cell or row; `line` counts the header as line 1. */
export interface ValidationIssue {
  readonly file: string;
  readonly line: number;
  readonly column: string;
  readonly message: string;
  readonly value: string;
}
