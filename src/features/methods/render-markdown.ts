// docs/methods.md → HTML for the Methods page, with marked. Headings get ids from their text (the same slugs the
// figures' "About this figure" links use, see methodsSection); links to #anchors stay in the page.
import { Marked } from 'marked';

/** "Disclosure control" → "disclosure-control". */
export const slugOf = (text: string) => text.toLowerCase().replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

let tables = 0;

const marked = new Marked({
  gfm: true,
  renderer: {
    heading({ tokens, depth, text }) {
      const inner = this.parser.parseInline(tokens);
      return `<h${depth} id="${slugOf(text)}" class="methods__h${depth}">${inner}</h${depth}>\n`;
    },
    table(token) {
      // A table in a focusable scrolling region, so a phone can scroll it sideways from the keyboard too.
      const head = token.header.map((cell) => `<th scope="col" class="govuk-table__header">${this.parser.parseInline(cell.tokens)}</th>`).join('');
      tables += 1;
      const name = `Table ${tables}: ${token.header.map((cell) => cell.text).join(', ')}`.replace(/"/g, '&quot;');
      const body = token.rows.map((row) => `<tr class="govuk-table__row">${row.map((cell) => `<td class="govuk-table__cell">${this.parser.parseInline(cell.tokens)}</td>`).join('')}</tr>`).join('');
      return `<div class="data-table__scroll" role="region" aria-label="${name}" tabindex="0"><table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead><tbody class="govuk-table__body">${body}</tbody></table></div>\n`;
    },
  },
});

export function renderMarkdown(markdown: string): string {
  tables = 0;
  return marked.parse(markdown, { async: false });
}

/** The sections (## headings) of a markdown document, for a contents list: [slug, text]. */
export function sectionsOf(markdown: string): [string, string][] {
  return [...markdown.matchAll(/^## (.+)$/gm)].map((m) => [slugOf(m[1]!), m[1]!]);
}
