/**
 * A Recharts chart as a standalone SVG and as a PNG. Recharts draws the plot as SVG but the legend
 * as HTML, and some look comes from CSS: the copy gets the computed paint and font of each element
 * inlined, a title line and the legend drawn in, and a white background, so it reads the same in a
 * paper or slide deck. The PNG is that SVG drawn on a canvas at twice the size.
 */

const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility'];
const NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, Segoe UI, Arial, sans-serif';

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i]!, target.children[i]!);
}

function textEl(x: number, y: number, text: string, size: number, weight = 400): SVGTextElement {
  const t = document.createElementNS(NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('style', `font-family:${FONT};font-size:${size}px;font-weight:${weight};fill:#0b0c0c`);
  t.textContent = text;
  return t;
}

/** The chart in `area` (its first Recharts surface) as SVG text, with `title` above it. */
export function chartSvg(area: HTMLElement, title: string): string {
  // The plot's own surface, not a legend icon (also an svg.recharts-surface).
  const svg = area.querySelector('.recharts-wrapper > svg.recharts-surface') ?? area.querySelector('svg');
  if (!svg) throw new Error('there is no chart to export');
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const height = Math.ceil(box.height);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);

  // Title and legend rows above the plot, the legend read from Recharts' HTML legend.
  const legend = Array.from(area.querySelectorAll('.recharts-legend-item')).map((item) => ({
    icon: item.querySelector('svg'),
    text: (item.textContent ?? '').trim(),
  }));
  const titleLines = wrap(title, Math.max(40, Math.floor(width / 9)));
  const legendRows: { icon: SVGSVGElement | null; text: string; x: number }[][] = [[]];
  let x = 0;
  for (const l of legend) {
    const w = 22 + l.text.length * 7.2 + 18;
    if (x + w > width && x > 0) {
      legendRows.push([]);
      x = 0;
    }
    legendRows[legendRows.length - 1]!.push({ icon: l.icon as SVGSVGElement | null, text: l.text, x });
    x += w;
  }
  const top = 8 + titleLines.length * 22 + (legend.length > 0 ? legendRows.length * 20 : 0) + 8;

  const out = document.createElementNS(NS, 'svg');
  out.setAttribute('xmlns', NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height + top));
  out.setAttribute('viewBox', `0 0 ${width} ${height + top}`);
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  out.append(bg);
  titleLines.forEach((line, i) => out.append(textEl(0, 24 + i * 22, line, 17, 700)));
  legendRows.forEach((row, r) => {
    const y = 8 + titleLines.length * 22 + r * 20 + 14;
    for (const item of row) {
      if (item.icon) {
        const icon = item.icon.cloneNode(true) as SVGSVGElement;
        inlineStyles(item.icon, icon);
        icon.setAttribute('x', String(item.x));
        icon.setAttribute('y', String(y - 11));
        icon.setAttribute('width', '14');
        icon.setAttribute('height', '14');
        out.append(icon);
      }
      out.append(textEl(item.x + 20, y, item.text, 13));
    }
  });
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('style');
  clone.setAttribute('overflow', 'visible');
  out.append(clone);
  return new XMLSerializer().serializeToString(out);
}

function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The SVG text drawn on a canvas at `scale`, as a PNG. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const img = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(img.width * scale);
  canvas.height = Math.ceil(img.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw images');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
}
