// Bench: how long a filter change takes to show, in headless Chromium on a built app. On a view (Equity, then
// Demand), scrolled so the view's first chart is in the viewport, it changes service / school type / start month
// 20 times, one after another, and for each change records the milliseconds from the change event to the last
// visible change of the page inside the viewport (charts redrawn, "Updating" message gone; not a data-* attribute
// nor the content of a closed <details>), once every figure query started by the change has ended and nothing on the
// page has changed for 400 ms (the quiet time is not counted; only then is each changed element's place judged, so
// the measuring costs the page no layout while it draws); and, beside it,
// to the last figure of the whole view computed (tee:figure-end:* marks, on screen or not). Prints p50/p95 per
// view, and how many charts were drawn by then (tee:chart-draw:* measures): embedded afresh or redrawn in place.
// Not a test: figures for BENCHMARKS.md.
// Usage:
//   node tests/bench/filter-change.mjs [--dist DIR ...] [--data DIR] [--views equity,demand] [--label TEXT] [--verbose [--timeline]]
// --verbose prints each change: its times, what in the viewport changed last, and each figure's query span (ms after
// the change); --timeline adds the viewport's last changes (ms after the change, section, element[attribute]).
// Several --dist builds run interleaved in one run (build A change 1, build B change 1, then B before A for change
// 2, ...) so machine noise falls on both alike. A change to the value a filter already has is not timed. --data DIR uploads that folder of contract CSVs first (e.g. the 1M set from
// `generate --seed 3 --referrals-per-year 200000`); without it the app's bundled sample is used.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../e2e/static-server.mjs';

const args = process.argv.slice(2);
const many = (flag) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
const one = (flag, fallback) => many(flag)[0] ?? fallback;
const dists = many('--dist').length ? many('--dist') : ['dist'];
const data = one('--data', null);
const views = one('--views', 'equity,demand').split(',');
const CHANGES = 20;

// The 20 changes: service, school type and start month in turn; the start month moves on a month each round, so
// no filter state repeats (a repeated state would be answered from react-query's cache, not measured).
function changes(months) {
  const service = ['SLT', 'OT', ''];
  const type = ['special', 'mainstream', ''];
  const out = [];
  for (let i = 0; out.length < CHANGES; i++) {
    const round = Math.floor(i / 3);
    const which = ['service', 'type', 'from'][i % 3];
    const value = which === 'from' ? months[1 + round] : { service, type }[which][round % 3];
    out.push({ label: which === 'service' ? 'Service' : which === 'type' ? 'School type' : 'From', value });
  }
  return out;
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (rank - lo);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const servers = [];
try {
  const sessions = [];
  for (const dist of dists) {
    const server = await serveStatic(dist);
    servers.push(server);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.addInitScript(() => {
      // The observer only notes each change (time, element, attribute): judging where the element is (style and
      // layout, forced on a page being redrawn) cost the page ~60 ms a change when done here, on the main thread
      // the page draws on. Where each changed element is is judged once the page is quiet (teeSettle), in the
      // layout the user is left with.
      window.teeRecords = [];
      window.teeLastMutation = 0;
      new MutationObserver((records) => {
        const now = performance.now();
        for (const record of records) {
          // A data-* attribute (a test hook such as ChartFigure's data-drawn) changes nothing anyone sees.
          if (record.type === 'attributes' && record.attributeName?.startsWith('data-')) continue;
          window.teeRecords.push([now, record.target, record.type === 'attributes' ? record.attributeName : '']);
          window.teeLastMutation = now;
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const inViewport = (node) => {
        const el = node.nodeType === 1 ? node : node.parentElement;
        // Not drawn (display: none, or the content of a closed <details>, which still has a layout box): not seen.
        if (!el || !el.isConnected || el.closest('.filter-bar') || !el.checkVisibility()) return false;
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
      };
      // The last change inside the viewport since the change at t0 (t0 itself when none), what it was (for
      // --verbose: the section, by its heading's id, and the element) and the viewport's last 12 changes.
      // A removed node is gone from the page: it is judged by where it was, its parent (the record's target).
      window.teeSettle = (t0) => {
        const seen = new Map();
        const visible = [];
        for (let i = window.teeRecords.length - 1; i >= 0 && visible.length < 12; i--) {
          const [at, target, attribute] = window.teeRecords[i];
          if (at < t0) break;
          if (!seen.has(target)) seen.set(target, inViewport(target));
          if (!seen.get(target)) continue;
          const el = target.nodeType === 1 ? target : target.parentElement;
          const section = el?.closest('section')?.getAttribute('aria-labelledby') ?? '(no section)';
          visible.push({ at, what: `${section} ${el?.tagName.toLowerCase()}.${String(el?.className?.baseVal ?? el?.className ?? '').split(' ')[0]}` + (attribute ? `[${attribute}]` : '') });
        }
        window.teeRecords = [];
        return { last: visible[0]?.at ?? t0, what: visible[0]?.what ?? '(nothing)', timeline: visible.reverse() };
      };
    });
    await page.goto(`${server.url}?view=data`);
    await page.locator('caption', { hasText: 'Tables loaded from the sample data' }).waitFor({ timeout: 120_000 });
    if (data) {
      const files = readdirSync(data).filter((n) => n.endsWith('.csv')).map((n) => join(data, n));
      await page.getByLabel('Choose CSV files').setInputFiles(files);
      await page.getByRole('button', { name: 'Check and load files' }).click();
      await page.getByText('Your data is loaded').waitFor({ timeout: 900_000 });
    }
    sessions.push({ dist, page, times: {}, all: {}, draws: {} });
  }

  for (const view of views) {
    const label = view === 'equity' ? 'Equity' : 'Demand';
    let list = null;
    for (const s of sessions) {
      // Open the view in the page (no reload: an uploaded data set lives in this page's memory only).
      await s.page.getByRole('link', { name: label, exact: true }).first().click();
      await s.page.waitForSelector('.vega-embed svg', { timeout: 300_000, state: 'attached' });
      await s.page.waitForTimeout(3000);
      // The viewport holds the view's first chart (the filter bar sits above it; it stays usable by script).
      await s.page.locator('.chart-figure').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await s.page.waitForTimeout(1500);
      if (!list) {
        const months = await s.page.locator('.filter-bar').getByLabel('From', { exact: true }).evaluate((el) => [...el.options].map((o) => o.value).filter(Boolean));
        list = changes(months);
      }
      s.times[view] = [];
      s.draws[view] = { embedded: 0, inPlace: 0 };
      s.all[view] = [];
    }
    for (const [index, change] of list.entries()) {
      // A change to the value a filter already has (the filters carry over from the view before) redraws nothing:
      // not a change, so not timed (it would read as 0 ms).
      const current = await sessions[0].page.locator('.filter-bar').getByLabel(change.label, { exact: true }).evaluate((el) => el.value);
      if (current === change.value) continue;
      // Each build goes first on alternate changes: the one timed second ran slower, by up to ~150 ms a change on this
      // 2-core machine (the first one's figures were still being drawn or collected), whichever build it was.
      const order = index % 2 ? [...sessions].reverse() : sessions;
      for (const s of order) {
        const select = s.page.locator('.filter-bar').getByLabel(change.label, { exact: true });
        const t0 = await select.evaluate((el, value) => {
          performance.clearMarks();
          performance.clearMeasures();
          const started = performance.now();
          window.teeRecords = [];
          el.value = value;
          el.dispatchEvent(new Event('change', { bubbles: true }));
          return started;
        }, change.value);
        // Settled: every figure query started since the change has ended and nothing on the page has changed for 400 ms.
        await s.page.waitForFunction(() => {
          const marks = performance.getEntriesByType('mark');
          const open = new Map();
          for (const m of marks) {
            const start = /^tee:figure-start:(.*)$/.exec(m.name);
            const end = /^tee:figure-(?:end|dropped):(.*)$/.exec(m.name);
            if (start) open.set(start[1], (open.get(start[1]) ?? 0) + 1);
            if (end) open.set(end[1], (open.get(end[1]) ?? 0) - 1);
          }
          const pending = [...open.values()].some((n) => n > 0);
          return !pending && performance.now() - window.teeLastMutation > 400;
        }, null, { timeout: 300_000, polling: 50 });
        const { last, what, timeline, ended } = await s.page.evaluate((t) => ({
          ...window.teeSettle(t),
          ended: Math.max(0, ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('tee:figure-end:')).map((m) => m.startTime)),
        }), t0);
        const draws = await s.page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
        s.draws[view].embedded += draws.filter((n) => n === 'tee:chart-draw:embedded').length;
        s.draws[view].inPlace += draws.filter((n) => n === 'tee:chart-draw:in place').length;
        s.times[view].push(last - t0);
        const computed = ended > t0 ? ended - t0 : 0;
        s.all[view].push(computed);
        if (args.includes('--verbose')) {
          const figures = await s.page.evaluate((t) => {
            const starts = new Map();
            const out = [];
            for (const m of performance.getEntriesByType('mark')) {
              const start = /^tee:figure-start:(.*)$/.exec(m.name);
              const end = /^tee:figure-(end|dropped):(.*)$/.exec(m.name);
              if (start) starts.set(start[1], m.startTime);
              if (end) out.push(`${end[2]}${end[1] === 'dropped' ? '(dropped)' : ''} ${(starts.get(end[2]) - t).toFixed(0)}..${(m.startTime - t).toFixed(0)}`);
            }
            return out.join(', ');
          }, t0);
          if (args.includes('--timeline')) console.log(`    timeline: ${timeline.map((c) => `${(c.at - t0).toFixed(0)} ${c.what}`).join(' | ')}`);
          console.log(`  ${s.dist} ${view} ${change.label}=${change.value || '(all)'}: viewport ${(last - t0).toFixed(0)} ms (last change: ${what}), computed ${computed.toFixed(0)} ms; ${figures}`);
        }
      }
    }
  }
  for (const s of sessions) {
    for (const view of views) {
      const sorted = [...s.times[view]].sort((a, b) => a - b);
      const all = [...s.all[view]].sort((a, b) => a - b);
      console.log(`${(one('--label', '') + ' ' + s.dist).trim()}  ${view}  ${data ? 'uploaded ' + data : 'sample'}: `
        + `viewport redrawn p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p95 ${percentile(sorted, 0.95).toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms; `
        + `every figure of the view computed p50 ${percentile(all, 0.5).toFixed(0)} ms, p95 ${percentile(all, 0.95).toFixed(0)} ms `
        + `(${sorted.length} changes; charts drawn: ${s.draws[view].embedded} embedded afresh, ${s.draws[view].inPlace} in place)`);
    }
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
