// Saving something the page made as a file, without a server: an <a download> clicked on a blob or data URL; and
// the pieces that make a downloaded chart stand alone: a header (title, subtitle, filters) and a footer (source,
// sharing mark) drawn around the chart's own SVG, and a file name that carries view, figure, filters and date.
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName);
  // The click has started the download; the URL can go once the event loop has moved on.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A name safe as a file name: letters, digits and dashes. */
export function fileNameOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'download';
}

/**
 * "equity-referral-rates-ot-service-ot-2024-01-to-2024-12-2026-12-02": view, figure, filters, mark (when there is
 * an exact-mode mark, so an exact file is never mistaken for a shareable one) and date, each made file-safe.
 */
export function downloadName(parts: { view: string; figure: string; filtersTag?: string; mark?: string; date: string }): string {
  const markTag = parts.mark && /exact/i.test(parts.mark) ? 'EXACT-not-for-sharing' : '';
  const tags = [parts.view, parts.figure, parts.filtersTag ?? '', parts.date].map(fileNameOf).filter((t) => t && t !== 'download');
  return [...tags.slice(0, -1), ...(markTag ? [markTag] : []), tags.at(-1)].filter(Boolean).join('-');
}

export interface FigureLabels {
  readonly title: string;
  readonly subtitle?: readonly string[];
  /** "Filters: …" line. */
  readonly filters?: string;
  readonly source: string;
  readonly mark?: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Wraps text at about `chars` characters a line, on spaces. */
export function wrapText(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const FONT = 'Arial, Helvetica, sans-serif';
const PAD = 16;

/** The width and height attributes of an SVG document's root element (0 when absent). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)`).exec(root)?.[1] ?? 0);
  return { width: attr('width'), height: attr('height') };
}

/** One standalone SVG: the labels' header above the chart's SVG (kept whole, nested) and its source and mark below. */
export function composeSvg(chartSvg: string, labels: FigureLabels): { svg: string; width: number; height: number } {
  const { width, height } = svgSize(chartSvg);
  const total = Math.max(width + 2 * PAD, 480);
  const chars = Math.floor((total - 2 * PAD) / 8);
  const lines: { text: string; size: number; bold?: boolean; colour: string }[] = [];
  for (const t of wrapText(labels.title, Math.floor(chars * 0.8))) lines.push({ text: t, size: 19, bold: true, colour: '#0b0c0c' });
  for (const s of labels.subtitle ?? []) for (const t of wrapText(s, chars)) lines.push({ text: t, size: 14, colour: '#505a5f' });
  if (labels.filters) for (const t of wrapText(`Filters: ${labels.filters}`, chars)) lines.push({ text: t, size: 14, colour: '#505a5f' });
  const foot: { text: string; size: number; bold?: boolean; colour: string }[] = [];
  for (const t of wrapText(`Source: ${labels.source}`, chars)) foot.push({ text: t, size: 13, colour: '#505a5f' });
  if (labels.mark) for (const t of wrapText(labels.mark, chars)) foot.push({ text: t, size: 14, bold: true, colour: '#a34700' });
  const lineHeight = (size: number) => Math.round(size * 1.35);
  let y = PAD;
  const text = (l: (typeof lines)[number]) => {
    y += lineHeight(l.size);
    return `<text x="${PAD}" y="${y - Math.round(l.size * 0.3)}" font-family="${FONT}" font-size="${l.size}"${l.bold ? ' font-weight="bold"' : ''} fill="${l.colour}">${escapeXml(l.text)}</text>`;
  };
  const head = lines.map(text).join('');
  y += 8;
  const chartY = y;
  y += height + 8;
  const tail = foot.map(text).join('');
  const total_h = y + PAD;
  const inner = chartSvg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<svg\b/, `<svg x="${PAD}" y="${chartY}"`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${total}" height="${total_h}" viewBox="0 0 ${total} ${total_h}">`
    + `<title>${escapeXml(labels.title)}</title><rect width="100%" height="100%" fill="#ffffff"/>${head}${inner}${tail}</svg>`;
  return { svg, width: total, height: total_h };
}

/** The composed SVG drawn onto a canvas at `scale`, as a PNG blob (the browser's own SVG renderer). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw a PNG.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
