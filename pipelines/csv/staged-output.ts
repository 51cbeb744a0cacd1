// All-or-nothing output: every file is written under a temporary name in the output folder and renamed into place
// only when the whole run has succeeded, so a refused or failed run leaves no partial or half-checked files.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export class StagedOutput {
  private readonly staged = new Map<string, string>();
  private createdDir = false;

  private constructor(readonly dir: string) {}

  /** Creates `dir` if needed (and remembers to remove it again if the run is discarded while it is empty). */
  static async open(dir: string): Promise<StagedOutput> {
    const output = new StagedOutput(resolve(dir));
    if (!existsSync(output.dir)) {
      await mkdir(output.dir, { recursive: true });
      output.createdDir = true;
    }
    return output;
  }

  /** The temporary path to write `fileName` to; it becomes `dir/fileName` on commit. */
  stage(fileName: string): string {
    const temporary = join(this.dir, `.${fileName}.partial-${process.pid}`);
    this.staged.set(fileName, temporary);
    return temporary;
  }

  /** Each staged file: its final path and the temporary path it is written to. */
  stagedFiles(): { path: string; temporary: string }[] {
    return [...this.staged].map(([name, temporary]) => ({ path: join(this.dir, name), temporary }));
  }

  /** The final paths, in the order they were staged. */
  finalPaths(): string[] {
    return [...this.staged.keys()].map((name) => join(this.dir, name));
  }

  async commit(): Promise<string[]> {
    const written: string[] = [];
    for (const [name, temporary] of this.staged) {
      const target = join(this.dir, name);
      await rename(temporary, target);
      written.push(target);
    }
    this.staged.clear();
    return written;
  }

  async discard(): Promise<void> {
    for (const temporary of this.staged.values()) await rm(temporary, { force: true });
    this.staged.clear();
    if (this.createdDir && (await readdir(this.dir)).length === 0) await rmdir(this.dir);
  }
}
