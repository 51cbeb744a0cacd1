// The CLI's flag parser: a switch never swallows the word after it.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../pipelines/cli-error.ts';

describe('parseArgs', () => {
  it('reads --name value and a bare --flag', () => {
    const { positional, flags } = parseArgs(['dir', '--format', 'csv', '--exact']);
    expect(positional).toEqual(['dir']);
    expect([...flags]).toEqual([['format', 'csv'], ['exact', 'true']]);
  });

  it('leaves the word after a switch positional: `report --exact DIR`', () => {
    const { positional, flags } = parseArgs(['--exact', 'sample-data', '--raw-spc', '--service', 'SLT'], ['exact', 'raw-spc']);
    expect(positional).toEqual(['sample-data']);
    expect([...flags]).toEqual([['exact', 'true'], ['raw-spc', 'true'], ['service', 'SLT']]);
  });
});
