// Helpers shared by the e2e cases that upload files on the Data view (tests/e2e/cases/*.mjs).

export const fileInput = (page) => page.getByLabel('Choose CSV files');
const loadedTable = (page) => page.locator('table', { has: page.locator('caption', { hasText: 'Tables loaded from' }) });

/** The "What is loaded" table's row counts, as "schools=90 referrals=15000 …". */
export async function loadedCounts(page, timeout = 60_000) {
  await loadedTable(page).waitFor({ timeout });
  return loadedTable(page).locator('tbody tr').evaluateAll((rows) => rows.map((row) => {
    const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '');
    return `${cells[0]}=${(cells[2] ?? '').replace(/,/g, '')}`;
  }).join(' '));
}
