export * from './types.ts';
export * from './values.ts';
export * from './tables.ts';
export * from './cells.ts';
export * from './validate.ts';
