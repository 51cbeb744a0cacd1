// The partnership's secret pseudonymisation key: whoever holds it can recompute a child's pseudonym from an NHS
// number, so it lives in its own file, outside the output, and is never printed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import { CliError } from '../cli-error.ts';

export const MIN_KEY_BYTES = 32;
const MAKE_ONE = 'make one with `openssl rand -hex 32 > F`, keep it secret and use the same file for every extract';

function isInside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The key file's bytes less trailing white space (so a key written with a final newline still works). */
export function readPseudonymKey(path: string | undefined, outDir: string, warn: (line: string) => void): Uint8Array {
  if (path === undefined || path === 'true') {
    throw new CliError(`anonymise needs --key-file F, a file holding a secret key of at least ${MIN_KEY_BYTES} bytes (${MAKE_ONE})`, 2);
  }
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliError(`the key file ${path} does not exist`, 2);
  if (isInside(path, outDir)) throw new CliError(`the key file ${path} is inside the output folder ${outDir}: keep it elsewhere`, 2);
  let bytes = new Uint8Array(readFileSync(path));
  let end = bytes.length;
  while (end > 0 && [0x0a, 0x0d, 0x20, 0x09].includes(bytes[end - 1] ?? 0)) end--;
  bytes = bytes.subarray(0, end);
  if (bytes.length < MIN_KEY_BYTES) {
    throw new CliError(`the key in ${path} is ${bytes.length} bytes; it must be at least ${MIN_KEY_BYTES} (${MAKE_ONE})`, 2);
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    warn(`note: the key file ${path} can be read by other users of this machine (chmod 600 it)`);
  }
  return bytes;
}
