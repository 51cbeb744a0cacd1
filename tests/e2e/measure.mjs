// Measures how long a view is for a reader: the page's height once every figure is drawn, at 1366 px and 390 px,
// and the number of words before the first chart. Not a test (no pass/fail): prints one line per width.
// usage: node tests/e2e/measure.mjs [view=equity] [--no-build]   (builds dist/ first unless --no-build)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const view = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'equity';
if (!process.argv.includes('--no-build')) {
  spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}
const server = await serveStatic(join(ROOT, 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const width of [1366, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.url}?view=${view}`);
    await page.waitForSelector('.vega-embed svg g[class^="mark-"] path', { timeout: 120_000, state: 'attached' });
    // Scroll to the bottom until the height stops growing (figures below the fold draw when near the viewport).
    let last = -1;
    for (let i = 0; i < 60; i++) {
      const height = await page.evaluate(() => { window.scrollTo(0, document.body.scrollHeight); return document.body.scrollHeight; });
      const busy = await page.locator('.app-progress').count();
      if (height === last && busy === 0) break;
      last = height;
      await page.waitForTimeout(1500);
    }
    const result = await page.evaluate(() => {
      const main = document.querySelector('main');
      const chart = document.querySelector('.vega-embed');
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      let words = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!chart || !(chart.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING)) continue;
        const el = node.parentElement;
        if (!el || el.closest('[hidden], option, script, style') || getComputedStyle(el).display === 'none') continue;
        // Text folded in a closed <details> is not read before the chart (its summary is).
        const folded = el.closest('details:not([open])');
        if (folded && !el.closest('summary')) continue;
        words += node.textContent.trim().split(/\s+/).filter(Boolean).length;
      }
      return { height: document.documentElement.scrollHeight, words };
    });
    console.log(`${view} at ${width} px: page height ${result.height} px, ${result.words} words before the first chart`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
