import type { OverlayLine } from './overlay-chart';

const SVG_NS = 'http://www.w3.org/2000/svg';
const LEGEND_ROW = 20;
const TITLE_ROW = 24;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One SVG of the charts drawn in `figures` (recharts' own SVGs), stacked, each under its title,
 * with a legend of `lines` on top: recharts draws its legend in HTML, which an SVG would lose.
 */
export function chartsSvg(
  figures: HTMLElement[],
  lines: OverlayLine[],
): { svg: string; width: number; height: number } {
  const charts = figures.flatMap((f) => {
    // The chart's own surface; legend icons are small recharts-surface SVGs too.
    const svg = f.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
    const title = f.querySelector('figcaption')?.textContent ?? '';
    return svg ? [{ svg, title }] : [];
  });
  const size = (svg: SVGSVGElement) => svg.getBoundingClientRect();
  const width = Math.ceil(Math.max(320, ...charts.map((c) => size(c.svg).width)));
  let y = 8;
  const parts: string[] = [];
  for (const [i, l] of lines.entries()) {
    const ly = y + i * LEGEND_ROW + 12;
    parts.push(
      `<line x1="8" x2="32" y1="${ly - 4}" y2="${ly - 4}" stroke="${l.color}" stroke-width="3"/>`,
      `<text x="40" y="${ly}" font-size="13">${escape(l.name)}</text>`,
    );
  }
  y += lines.length * LEGEND_ROW + 8;
  const serializer = new XMLSerializer();
  for (const c of charts) {
    parts.push(
      `<text x="8" y="${y + 16}" font-size="14" font-weight="bold">${escape(c.title)}</text>`,
    );
    y += TITLE_ROW;
    const clone = c.svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('xmlns', SVG_NS);
    clone.setAttribute('x', '0');
    clone.setAttribute('y', String(y));
    parts.push(serializer.serializeToString(clone));
    y += Math.ceil(size(c.svg).height) + 8;
  }
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="sans-serif">` +
    `<rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
  return { svg, width, height: y };
}

/** The SVG drawn onto a canvas as a PNG (twice the size, for sharp text). */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(2, 2);
    ctx.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
