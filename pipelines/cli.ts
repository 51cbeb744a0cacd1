// The pipeline's one entry: `npm run pipeline -- <command> [args]`. Each command lives in pipelines/commands/<name>.ts
// and exports `run(argv): Promise<number>` (the exit code) and `usage` (one line). Results go to stdout only;
// progress and errors go to stderr.
import { CliError } from './cli-error.ts';

const COMMANDS = {
  generate: 'Write deterministic synthetic sample data.',
  validate: 'Check CSV files against the data contract.',
  anonymise: 'Turn a raw provider extract into contract CSVs with keyed pseudonyms.',
  'to-parquet': 'Write contract CSVs as Parquet files.',
  report: 'Print the dashboard\'s figures as JSON or CSV.',
  context: 'Rebuild the shipped published context files from DfE and NHS England CSVs.',
} as const;
type CommandName = keyof typeof COMMANDS;

interface CommandModule {
  run(argv: string[]): Promise<number>;
  usage: string;
}

async function load(name: CommandName): Promise<CommandModule> {
  return (await import(`./commands/${name}.ts`)) as CommandModule;
}

async function help(): Promise<void> {
  const lines = ['Usage: npm run pipeline -- <command> [options]', '', 'Commands:'];
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    lines.push(`  ${name.padEnd(11)} ${COMMANDS[name]}`);
    lines.push(`  ${''.padEnd(11)} ${(await load(name)).usage}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await help();
    return name ? 0 : 2;
  }
  if (!(name in COMMANDS)) throw new CliError(`unknown command '${name}' (try --help)`, 2);
  const command = await load(name as CommandName);
  if (rest.includes('--help')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      // No stack trace reaches a user (an engine's "Out of Memory Error", say): the message, and how to see more.
      const debug = process.env.TEE_DEBUG === '1';
      process.stderr.write(debug && error instanceof Error ? `${error.stack}\n`
        : `error: ${error instanceof Error ? error.message : String(error)}\n(TEE_DEBUG=1 prints where it happened)\n`);
      process.exitCode = 1;
    }
  },
);
