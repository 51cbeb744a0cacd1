// `context IN [OUT]`: rebuilds the shipped context files (src/context/data/*.json) from published DfE and NHS
// England CSVs in IN (files recognised by their header; see src/context/build.ts). Drop next year's release into
// IN and run it again. The files written go to stdout; progress to stderr.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContext, CONTEXT_FILES, contextFileText } from '../../src/context/build.ts';
import { CliError, parseArgs } from '../cli-error.ts';
import { rejectUnknownFlags } from '../csv/command-options.ts';

const DEFAULT_OUT = fileURLToPath(new URL('../../src/context/data', import.meta.url));
export const usage = 'context IN [OUT]  (IN holds the published CSVs; OUT defaults to src/context/data)';

export async function run(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  rejectUnknownFlags(flags, [], usage);
  if (positional.length > 2) throw new CliError(`unexpected argument '${positional[2]}' (usage: ${usage})`, 2);
  const [dir, out = DEFAULT_OUT] = positional;
  if (!dir) throw new CliError(`usage: ${usage}`, 2);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.csv'));
  } catch {
    throw new CliError(`${dir} is not a readable folder`, 2);
  }
  const texts = Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
  let data;
  try {
    data = buildContext(texts);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 1);
  }
  mkdirSync(out, { recursive: true });
  for (const key of Object.keys(CONTEXT_FILES) as (keyof typeof CONTEXT_FILES)[]) {
    const path = join(out, CONTEXT_FILES[key]);
    writeFileSync(path, contextFileText(data[key]));
    process.stdout.write(`${path} (${data[key].rows.length} rows)\n`);
  }
  return 0;
}
