/** An error the CLI prints as one line on stderr before exiting with `exitCode`. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/**
 * Minimal flag parsing: `--name value`, `--flag`; everything else is positional. A flag named in `switches` never
 * takes a value, so `report --exact DIR` leaves DIR positional.
 */
export function parseArgs(argv: readonly string[], switches: readonly string[] = []): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--') && !switches.includes(arg.slice(2))) {
        flags.set(arg.slice(2), next);
        i++;
      } else flags.set(arg.slice(2), 'true');
    } else positional.push(arg);
  }
  return { positional, flags };
}

export function numberFlag(flags: Map<string, string>, name: string, fallback: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new CliError(`--${name} must be a number (got ${raw})`, 2);
  return n;
}
