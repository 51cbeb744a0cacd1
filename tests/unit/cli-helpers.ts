// Helpers shared by the tests that run a pipeline CLI command in-process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, vi } from 'vitest';
import { CliError } from '../../pipelines/cli-error.ts';

export type Run = (argv: string[]) => Promise<number>;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh temporary folder (`prefix` + random suffix) removed after the test file's tests. */
export function tempWorkDir(prefix: string): string {
  const work = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return work;
}

/** Writes `files` (name → content) into the folder `dir`, made if need be; returns `dir`. */
export function writeFolder(dir: string, files: Readonly<Record<string, string | Uint8Array>>): string {
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

/**
 * Runs a CLI command with stdout and stderr captured. A CliError becomes its exit code, with `error: <message>`
 * appended to stderr as the real entry point prints it; any other error is thrown.
 */
export async function capture(command: Run, ...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
  try {
    return { code: await command(argv), stdout, stderr };
  } catch (error) {
    if (error instanceof CliError) return { code: error.exitCode, stdout, stderr: `${stderr}error: ${error.message}\n` };
    throw error;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
