// Bench: the app's upload in headless Chromium (the built dist/), on a folder of contract CSVs: seconds from
// pressing "Check and load files" to "Your data is loaded", the longest task that blocked the page, the peak JS
// heap of the page, and the resident memory of every Chromium process at the end. Usage:
//   node tests/bench/browser-load.mjs DIR      (needs `npm run build` and /usr/bin/chromium)
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../e2e/static-server.mjs';

const dir = process.argv[2];
const { chromium } = await import('playwright-core');
const server = await serveStatic('dist');
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
  const started = Date.now();
  await page.getByRole('button', { name: 'Check and load files' }).click();
  await page.getByText('Your data is loaded').waitFor({ timeout: 900_000 });
  const seconds = (Date.now() - started) / 1000;
  const { longest, count, heap } = await page.evaluate(() => ({ longest: window.teeLongest, count: window.teeLong, heap: window.teePeakHeap }));
  // This browser's processes only (other Chromiums may be running): every descendant of this Node process.
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of table) if (mine.has(ppid) && !mine.has(pid)) { mine.add(pid); grew = true; }
  }
  mine.delete(process.pid);
  const rssKb = table.filter(([pid]) => mine.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0);
  console.log(`${seconds.toFixed(2)} s, longest task ${longest.toFixed(0)} ms (${count} over 50 ms), peak JS heap ${(heap / 1e6).toFixed(0)} MB, Chromium processes ${(rssKb / 1024).toFixed(0)} MB`);
} finally {
  await browser.close();
  server.close();
}
