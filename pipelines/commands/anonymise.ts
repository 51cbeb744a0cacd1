// `anonymise IN OUT --key-file F`: turns a provider's raw referrals extract into the contract's referrals.csv with
// keyed pseudonyms and no identifiers (columns expected: pipelines/anonymise/raw-extract.ts). From a folder it also
// checks schools.csv, provision.csv and workforce.csv and copies them unchanged. Nothing is written unless every
// row passes the contract and no value looks like an NHS number or a full postcode. The files written go to
// stdout; problems and progress go to stderr.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError, parseArgs } from '../cli-error.ts';
import { anonymiseExtract } from '../anonymise/anonymise-extract.ts';
import { findIdentifier } from '../anonymise/identifiers.ts';
import { readPseudonymKey } from '../anonymise/key.ts';
import {
  contractFilesIn, countFlag, dateFloorFlag, isDirectory, rejectUnknownFlags, todayFlag,
} from '../csv/command-options.ts';
import { IssueLog } from '../csv/issue-log.ts';
import { engineFlag } from '../engine.ts';
import type { TableName } from '../../src/contract/index.ts';

/** The raw extract's file name when IN is a folder. */
export const EXTRACT_FILE = 'referrals-extract.csv';

export const usage = 'anonymise IN OUT --key-file F [--today yyyy-mm-dd] [--date-floor yyyy-mm-dd] [--drop-invalid] [--max-errors N] [--engine native|wasm]  '
  + `(IN: a raw referrals extract, or a folder holding ${EXTRACT_FILE}, schools.csv, provision.csv and optionally `
  + 'workforce.csv; F: a secret key file of at least 32 bytes; --drop-invalid leaves out referrals the contract rejects)';

const say = (line: string) => process.stderr.write(`${line}\n`);

interface Inputs {
  readonly extract: string;
  readonly passThrough: { table: TableName; path: string }[];
}

function inputsOf(input: string, outDir: string): Inputs {
  if (!isDirectory(input)) {
    if (resolve(input) === resolve(outDir, 'referrals.csv')) throw new CliError(`${input} would be overwritten: choose another OUT`, 2);
    return { extract: input, passThrough: [] };
  }
  if (resolve(input) === resolve(outDir)) throw new CliError('OUT must not be the same folder as IN', 2);
  const extract = join(input, EXTRACT_FILE);
  if (!existsSync(extract)) throw new CliError(`${input} has no ${EXTRACT_FILE} (the raw referrals extract)`, 2);
  const { found, missing } = contractFilesIn(input);
  if (found.some((t) => t.table === 'referrals')) {
    throw new CliError(`${input} holds referrals.csv as well as ${EXTRACT_FILE}: anonymise makes referrals.csv, so remove it`, 2);
  }
  const missingTables = missing.filter((path) => !path.endsWith('referrals.csv'));
  if (missingTables.length > 0) throw new CliError(`required file missing: ${missingTables.join(', ')}`, 1);
  return { extract, passThrough: found };
}

export async function run(argv: string[]): Promise<number> {
  // --drop-invalid is a switch: it takes no value, so the argument after it stays positional.
  const { positional, flags } = parseArgs(argv, ['drop-invalid']);
  rejectUnknownFlags(flags, ['key-file', 'today', 'date-floor', 'max-errors', 'engine', 'drop-invalid'], usage);
  const dropInvalid = flags.has('drop-invalid');
  const engine = engineFlag(flags);
  if (positional.length !== 2) throw new CliError(`usage: ${usage}`, 2);
  const [input = '', outDir = ''] = positional;
  if (!existsSync(input)) throw new CliError(`${input} does not exist`, 2);
  const key = readPseudonymKey(flags.get('key-file'), outDir, say);
  const today = todayFlag(flags);
  const dateFloor = dateFloorFlag(flags);
  const inputs = inputsOf(input, outDir);
  const log = new IssueLog(say, {
    maxPrinted: countFlag(flags, 'max-errors', 200),
    withhold: (value) => {
      const kind = findIdentifier(value);
      return kind ? `looks like ${kind}` : null;
    },
  });

  const result = await anonymiseExtract({
    ...inputs, outDir, key, today, dateFloor, dropInvalid, log, note: say, engine,
  });
  const hidden = log.unprintedNote();
  if (hidden) say(hidden);
  result.summary.forEach(say);
  if (result.refusals.length > 0) {
    say(`refused, nothing written to ${outDir}:`);
    for (const reason of result.refusals) say(`  ${reason}`);
    return 1;
  }
  for (const { path, rows, how } of result.written) process.stdout.write(`wrote ${path} (${rows} rows, ${how})\n`);
  if (inputs.passThrough.length === 0) say('note: only referrals.csv was written; a data set also needs schools.csv and provision.csv');
  return 0;
}
