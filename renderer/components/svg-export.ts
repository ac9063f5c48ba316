// Turning a drawn <svg> into a file another program shows the same way: a standalone SVG (styles
// are attributes already; the Vazirmatn font embedded so Persian renders and joins anywhere) or a
// PNG rendered from that SVG at twice its size. Any feature can use these for its charts.

import { t } from '../i18n/t';
import { downloadBlob } from './download';

const SVG_NS = 'http://www.w3.org/2000/svg';

export { downloadBlob };

/** A file name safe on every system, from a title. */
export const fileStem = (name: string) => name.replace(/[\\/:*?"<>|\n\r\t]/g, ' ').replace(/\s+/g, ' ').trim() || 'Groundwork';

/** The SVG as a standalone document: XML declaration, namespaces, the font embedded. */
export async function standaloneSvg(svg: SVGSVGElement): Promise<string> {
  const { VAZIRMATN_DATA_URL } = await import('./svg-font');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('version', '1.1');
  const defs = document.createElementNS(SVG_NS, 'defs');
  const style = document.createElementNS(SVG_NS, 'style');
  style.setAttribute('type', 'text/css');
  style.textContent = `@font-face { font-family: 'Vazirmatn'; src: url(${VAZIRMATN_DATA_URL}) format('woff2'); font-weight: 100 900; font-style: normal; }`;
  defs.append(style);
  const title = copy.querySelector(':scope > title');
  if (title) title.after(defs);
  else copy.prepend(defs);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

export async function exportSvg(svg: SVGSVGElement, filename: string): Promise<void> {
  downloadBlob(filename, new Blob([await standaloneSvg(svg)], { type: 'image/svg+xml;charset=utf-8' }));
}

/** Renders the standalone SVG onto a canvas at `scale` times its size and returns the PNG. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = await standaloneSvg(svg);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error(t('This window cannot draw images (no canvas).'));
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t('The drawing could not be turned into a PNG.')))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
  downloadBlob(filename, await svgToPng(svg, scale));
}
