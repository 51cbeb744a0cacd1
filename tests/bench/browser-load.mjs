// Bench: the app's upload in headless Chromium (the built dist/), on a folder of contract CSVs: seconds from
// pressing "Check and load files" to "Your data is loaded", the longest task that blocked the page, the peak JS
// heap of the page, and the memory of every Chromium process, summed as resident sets (RSS: the browser binary and
// shared libraries counted once per process) and as proportional sets (PSS: each shared page once, divided among
// the processes sharing it, so the sum is what the processes together hold): at the end, and the most sampled while
// loading (every 250 ms). Usage:
//   node tests/bench/browser-load.mjs DIR [--dist BUILD] [--trace]   (needs `npm run build` and /usr/bin/chromium)
// --dist serves another build than dist/ (to measure two builds in turn on the same files).
// --trace records a Chromium performance trace of the load (CDP Tracing) and prints, for every task over 200 ms
// on the page's main thread, what ran in it (the longest events inside it: scripts by function, GC, layout).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../e2e/static-server.mjs';

const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? args[distAt + 1] : 'dist';
const dir = args.find((a, i) => !a.startsWith('--') && !(distAt >= 0 && i === distAt + 1));
const trace = process.argv.includes('--trace');
const { chromium } = await import('playwright-core');
const server = await serveStatic(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.teeLongest = 0;
    window.teeLong = 0;
    window.teePeakHeap = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.teeLong++;
        window.teeLongest = Math.max(window.teeLongest, entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
    setInterval(() => { window.teePeakHeap = Math.max(window.teePeakHeap, performance.memory?.usedJSHeapSize ?? 0); }, 50);
  });
  await page.goto(`${server.url}?view=data`);
  await page.locator('caption', { hasText: 'Tables loaded from the sample data' }).waitFor({ timeout: 120_000 });
  const files = readdirSync(dir).filter((n) => n.endsWith('.csv')).map((n) => join(dir, n));
  await page.getByLabel('Choose CSV files').setInputFiles(files);
  await page.evaluate(() => { window.teeLongest = 0; window.teeLong = 0; });
  const traceDir = trace ? mkdtempSync(join(tmpdir(), 'tee-trace-')) : '';
  if (trace) {
    await browser.startTracing(page, { path: join(traceDir, 'trace.json'),
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.gc', 'blink.user_timing'] });
  }
  // The page's JavaScript sampled (CDP Profiler) alongside, to say which functions a long task spent its time in.
  const cdp = trace ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  let peakRssKb = 0;
  let peakPssKb = 0;
  const sampler = setInterval(() => {
    peakRssKb = Math.max(peakRssKb, browserRssKb());
    peakPssKb = Math.max(peakPssKb, browserPssKb());
  }, 250);
  const started = Date.now();
  await page.getByRole('button', { name: 'Check and load files' }).click();
  await page.getByText('Your data is loaded').waitFor({ timeout: 900_000 });
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const { longest, count, heap } = await page.evaluate(() => ({ longest: window.teeLongest, count: window.teeLong, heap: window.teePeakHeap }));
  const rssKb = browserRssKb();
  const pssKb = browserPssKb();
  peakRssKb = Math.max(peakRssKb, rssKb);
  peakPssKb = Math.max(peakPssKb, pssKb);
  console.log(`${seconds.toFixed(2)} s, longest task ${longest.toFixed(0)} ms (${count} over 50 ms), peak JS heap ${(heap / 1e6).toFixed(0)} MB, `
    + `Chromium processes ${(rssKb / 1024).toFixed(0)} MB at the end, ${(peakRssKb / 1024).toFixed(0)} MB at most `
    + `(RSS summed, so each shared page once per process); proportional set size summed (each shared page once) `
    + `${(pssKb / 1024).toFixed(0)} MB at the end, ${(peakPssKb / 1024).toFixed(0)} MB at most`);
  if (trace) console.log(`processes at the end: ${browserProcesses()}`);
  if (trace) {
    const { profile } = await cdp.send('Profiler.stop');
    await browser.stopTracing();
    printLongTasks(JSON.parse(readFileSync(join(traceDir, 'trace.json'), 'utf8')), profile);
    rmSync(traceDir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  server.close();
}

/** Resident memory of this browser's processes only (other Chromiums may be running): every descendant of this Node process. */
function browserRssKb() {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of table) if (mine.has(ppid) && !mine.has(pid)) { mine.add(pid); grew = true; }
  }
  mine.delete(process.pid);
  return table.filter(([pid]) => mine.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0);
}

/** Every task over 200 ms on a renderer main thread, with the longest events that ran inside it. */
function printLongTasks({ traceEvents: events }, profile) {
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && typeof e.dur === 'number');
  // Not the profiler's own start-up (before the load began).
  const profilerStart = onMain.filter((e) => e.name === 'CpuProfiler::StartProfiling');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 200_000
    && !profilerStart.some((p) => p.ts >= e.ts && p.ts <= e.ts + e.dur));
  if (tasks.length === 0) console.log('trace: no task over 200 ms on the page');
  for (const task of tasks) {
    console.log(`trace: task of ${(task.dur / 1000).toFixed(0)} ms`);
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur > 5_000)
      .sort((a, b) => b.dur - a.dur).slice(0, 12);
    for (const e of inside) {
      const data = e.args?.data ?? {};
      const what = [data.functionName, data.url ? `${String(data.url).split('/').at(-1)}:${data.lineNumber ?? ''}` : '', data.type].filter(Boolean).join(' ');
      console.log(`  ${(e.dur / 1000).toFixed(0).padStart(6)} ms  ${e.name}${what ? ` (${what})` : ''}`);
    }
    for (const line of profileWithin(profile, task.ts, task.ts + task.dur)) console.log(line);
  }
}

/** The functions the CPU profile's samples between two trace times (µs) were in: by own time, and each with the
 * chain of callers that led to it. */
function profileWithin(profile, from, to) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').at(-1)}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  const own = new Map();
  let t = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) return;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += dt;
    own.set(id, (own.get(id) ?? 0) + dt);
  });
  const rows = [...own].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([id, ms]) => {
    const chain = [];
    for (let at = parent.get(id); at !== undefined && chain.length < 6; at = parent.get(at)) {
      const n = byId.get(at);
      if (n && n.callFrame.functionName !== '(root)') chain.push(n.callFrame.functionName || '(anonymous)');
    }
    return `    ${ms.toFixed(0).padStart(6)} ms own  ${name(byId.get(id))}  ← ${chain.join(' ← ')}`;
  });
  return [`  CPU profile: ${total.toFixed(0)} ms sampled in the task`, ...rows];
}

/** The proportional set size of this browser's processes (shared pages divided among the processes sharing them,
 * so the chromium binary and libraries are counted once, not once per process as summed RSS counts them). */
function browserPssKb() {
  let kb = 0;
  for (const pid of browserPids()) {
    try { kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0); } catch { /* gone */ }
  }
  return kb;
}

function browserPids() {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of table) if (mine.has(ppid) && !mine.has(pid)) { mine.add(pid); grew = true; }
  }
  mine.delete(process.pid);
  return [...mine];
}

/** This browser's processes at the end, by type (--type= of their command line) and resident memory. */
function browserProcesses() {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args=']).toString().trim().split('\n').map((l) => {
    const [pid, ppid, rss, ...args] = l.trim().split(/\s+/);
    return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), type: /--type=(\S+)/.exec(args.join(' '))?.[1] ?? 'browser' };
  });
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) if (mine.has(r.ppid) && !mine.has(r.pid)) { mine.add(r.pid); grew = true; }
  }
  mine.delete(process.pid);
  return rows.filter((r) => mine.has(r.pid)).sort((a, b) => b.rss - a.rss).map((r) => `${r.type} ${(r.rss / 1024).toFixed(0)} MB`).join(', ');
}
