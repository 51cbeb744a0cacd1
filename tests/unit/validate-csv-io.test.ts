// The pipelines' CSV reader and writer: line numbers a user can open, BOM, CRLF/LF/CR, quoted commas, quotes and
// line breaks, broken quoting, streaming, and quoting (and formula neutralising) on the way out.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFormatError, openCsv, readCsvRecords, type CsvRecord } from '../../pipelines/csv/read-csv.ts';
import { createCsvWriter, csvCell, csvLine } from '../../pipelines/csv/write-csv.ts';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const part of parts) yield part;
}

async function all(source: AsyncIterable<string | Uint8Array>, maxRecordChars?: number): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(source, { maxRecordChars })) records.push(record);
  return records;
}

const simple = (records: CsvRecord[]) => records.map((r) => [r.line, ...r.cells]);

describe('readCsvRecords', () => {
  it('numbers lines from the header = 1, with LF', async () => {
    expect(simple(await all(chunks('a,b\n1,2\n3,4\n')))).toEqual([[1, 'a', 'b'], [2, '1', '2'], [3, '3', '4']]);
  });

  it('reads CRLF and a last line without a line ending', async () => {
    expect(simple(await all(chunks('a,b\r\n1,2\r\n3,4')))).toEqual([[1, 'a', 'b'], [2, '1', '2'], [3, '3', '4']]);
  });

  it('reads old Mac CR line endings', async () => {
    expect(simple(await all(chunks('a,b\r1,2\r')))).toEqual([[1, 'a', 'b'], [2, '1', '2']]);
  });

  it('drops a UTF-8 BOM given as text or as bytes', async () => {
    expect((await all(chunks('\uFEFFurn,name\n1,x\n')))[0]?.cells).toEqual(['urn', 'name']);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('urn,name\n1,x\n')]);
    expect((await all(chunks(bytes)))[0]?.cells).toEqual(['urn', 'name']);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, and counts the lines they span', async () => {
    const text = 'urn,name\n1,"Testbrook School, Special"\n2,"The ""Quoted"" Academy"\n3,"Two\r\nLines"\n4,after\n';
    expect(simple(await all(chunks(text)))).toEqual([
      [1, 'urn', 'name'],
      [2, '1', 'Testbrook School, Special'],
      [3, '2', 'The "Quoted" Academy'],
      [4, '3', 'Two\r\nLines'],
      [6, '4', 'after'],
    ]);
  });

  it('skips blank lines but still counts them', async () => {
    expect(simple(await all(chunks('a,b\n\n1,2\n\n\n3,4\n\n')))).toEqual([[1, 'a', 'b'], [3, '1', '2'], [6, '3', '4']]);
  });

  it('gives the same records however the text is split into chunks (across CRLF, quotes and characters)', async () => {
    const text = '\uFEFFurn,name\r\n1,"Zoë, ""the"" school"\r\n2,"multi\r\nline"\r\n3,x\r\n';
    const whole = simple(await all(chunks(text)));
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(simple(await all(chunks(bytes.slice(0, cut), bytes.slice(cut))))).toEqual(whole);
      expect(simple(await all(chunks(text.slice(0, cut), text.slice(cut))))).toEqual(whole);
    }
    expect(whole).toEqual([[1, 'urn', 'name'], [2, '1', 'Zoë, "the" school'], [3, '2', 'multi\r\nline'], [5, '3', 'x']]);
  });

  it('flags a quoted field never closed at the end of the file', async () => {
    const records = await all(chunks('a,b\n1,2\n3,"oops\n'));
    expect(records[2]).toMatchObject({ line: 3, problem: expect.stringContaining('never closed') });
  });

  it('stops with the line number when an unclosed quote runs on past maxRecordChars', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `${i},row\n`).join('');
    const run = all(chunks('a,b\n1,2\n3,"oops\n', rows, rows, rows), 1000);
    await expect(run).rejects.toBeInstanceOf(CsvFormatError);
    await expect(run).rejects.toMatchObject({ line: 3 });
  });

  it('flags text that is not UTF-8 (a Windows-1252 £ sign)', async () => {
    const records = await all(chunks(new Uint8Array([0x61, 0x0a, 0xa3, 0x35, 0x0a])));
    expect(records[1]).toMatchObject({ line: 2, problem: expect.stringContaining('not UTF-8') });
  });

  it('streams: the first records come out before the source has been read to the end', async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<string> {
      yield 'a,b\n';
      for (produced = 0; produced < 1_000_000; produced++) yield `${produced},x\n`;
    }
    const { header, records } = await openCsv(endless());
    expect(header).toEqual(['a', 'b']);
    for (let i = 0; i < 10; i++) await records.next();
    expect(produced).toBeLessThan(100);
    await records.return(undefined);
  });

  it('reads a file from disk', async () => {
    const { header, records } = await openCsv('tests/fixtures/contract/bom-crlf/schools.csv');
    expect(header?.[0]).toBe('urn');
    const rows: CsvRecord[] = [];
    for await (const record of records) rows.push(record);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(rows[2]?.cells[1]).toBe('Testbrook School, Special');
  });

  it('gives a null header for an empty file', async () => {
    expect((await openCsv(chunks(''))).header).toBeNull();
  });
});

describe('csv writing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tee-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('quotes only cells that need it', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded', ''])).toBe('plain,"a,b","say ""hi""","two\nlines"," padded",\n');
  });

  it('neutralises cells a spreadsheet would run as formulas, only when asked', () => {
    const options = { neutraliseFormulas: true };
    expect(csvCell('=HYPERLINK("x")', options)).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+44 20', options)).toBe('\'+44 20');
    expect(csvCell('@SUM(A1)', options)).toBe('\'@SUM(A1)');
    expect(csvCell('-2+3', options)).toBe('\'-2+3');
    expect(csvCell('-3.5', options)).toBe('-3.5');
    expect(csvCell('+7', options)).toBe('+7');
    expect(csvCell('=1+1')).toBe('=1+1');
  });

  it('writes a file that the reader reads back the same', async () => {
    const path = join(dir, 'round-trip.csv');
    const rows = [['urn', 'name'], ['1', 'Testbrook School, Special'], ['2', 'The "Quoted"\r\nAcademy'], ['3', '']];
    const writer = createCsvWriter(path);
    for (const row of rows) await writer.write(row);
    await writer.close();
    expect(readFileSync(path, 'utf8').startsWith('urn,name\n')).toBe(true);
    const back: string[][] = [];
    for await (const record of readCsvRecords(path)) back.push(record.cells);
    expect(back).toEqual(rows);
  });
});
