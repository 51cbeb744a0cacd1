// The order figures are computed in after a filter change (src/app/figure-priority.ts): a figure drawn only far
// from the viewport sends its queries after the figures near it, and its answer is handed on only once they have all
// answered and the page is idle; a figure near the viewport, or in no known section, runs at once; a deferred figure
// superseded while it waits is dropped.
import { describe, expect, it } from 'vitest';
import { FigurePriority, type PriorityEnvironment } from '../../src/app/figure-priority.ts';

function setup(positions: Record<string, boolean>) {
  const later: (() => void)[] = [];
  const idle: (() => void)[] = [];
  const env: PriorityEnvironment = {
    near: (section) => positions[section] ?? null,
    idle: (callback) => { idle.push(callback); },
    later: (callback) => { later.push(callback); },
  };
  const log: string[] = [];
  const flush = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  const task = (name: string, answer: Promise<void>) => async () => {
    log.push(`sent ${name}`);
    await answer;
    log.push(`answered ${name}`);
    return name;
  };
  const gate = () => {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => { open = resolve; });
    return { promise, open };
  };
  return { priority: new FigurePriority(env), later, idle, log, flush, task, gate };
}

describe('FigurePriority', () => {
  it('defers a figure only when every section it is drawn in is on the page and far from the viewport', () => {
    const { priority } = setup({ top: true, bottom: false, lower: false });
    expect(priority.deferred(['bottom'])).toBe(true);
    expect(priority.deferred(['bottom', 'lower'])).toBe(true);
    expect(priority.deferred(['bottom', 'top'])).toBe(false);
    expect(priority.deferred(['missing'])).toBe(false);
    expect(priority.deferred(['bottom', 'missing'])).toBe(false);
    expect(priority.deferred(undefined)).toBe(false);
    expect(priority.deferred([])).toBe(false);
  });

  it('sends a far figure after the near one, and hands its answer on only after the near one answered and the page went idle', async () => {
    const { priority, later, idle, log, flush, task, gate } = setup({ top: true, bottom: false });
    const nearAnswer = gate();
    const farAnswer = gate();
    const far = priority.run(['bottom'], undefined, task('far', farAnswer.promise)).then((v) => { log.push(`handed ${v}`); });
    const near = priority.run(['top'], undefined, task('near', nearAnswer.promise)).then((v) => { log.push(`handed ${v}`); });
    await flush();
    expect(log).toEqual(['sent near']);
    later.shift()!();
    await flush();
    expect(log).toEqual(['sent near', 'sent far']);
    // The far figure's query answers first: its answer is held.
    farAnswer.open();
    await flush();
    expect(log).toEqual(['sent near', 'sent far', 'answered far']);
    nearAnswer.open();
    await flush();
    expect(log).toEqual(['sent near', 'sent far', 'answered far', 'answered near', 'handed near']);
    expect(idle).toHaveLength(1);
    idle.shift()!();
    await near;
    await far;
    expect(log.at(-1)).toBe('handed far');
  });

  it('hands a far answer on at the next idle moment when nothing near is being computed', async () => {
    const { priority, later, idle, flush, task } = setup({ bottom: false });
    const far = priority.run(['bottom'], undefined, task('far', Promise.resolve()));
    await flush();
    later.shift()!();
    await flush();
    expect(idle).toHaveLength(1);
    idle.shift()!();
    await expect(far).resolves.toBe('far');
  });

  it('drops a far figure superseded while it waits, and does not hold a near figure at all', async () => {
    const { priority, later, idle, flush, task, gate } = setup({ top: true, bottom: false });
    const nearAnswer = gate();
    const controller = new AbortController();
    const far = priority.run(['bottom'], controller.signal, task('far', Promise.resolve())).then(() => 'handed', (e: Error) => e.name);
    const near = priority.run(['top'], undefined, task('near', nearAnswer.promise));
    await flush();
    later.shift()!();
    await flush();
    controller.abort();
    expect(await far).toBe('AbortError');
    nearAnswer.open();
    await expect(near).resolves.toBe('near');
    expect(idle).toHaveLength(0);
  });

  it('passes a failed far query on once its turn comes, and a failed near one releases the far ones', async () => {
    const { priority, later, idle, flush } = setup({ top: true, bottom: false });
    const far = priority.run(['bottom'], undefined, () => Promise.reject(new Error('far failed'))).then(() => 'ok', (e: Error) => e.message);
    const near = priority.run(['top'], undefined, () => Promise.reject(new Error('near failed'))).then(() => 'ok', (e: Error) => e.message);
    expect(await near).toBe('near failed');
    await flush();
    later.shift()!();
    await flush();
    idle.shift()!();
    expect(await far).toBe('far failed');
  });
});
