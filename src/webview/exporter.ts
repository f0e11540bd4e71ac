// SVG and PNG files of the preview's diagrams. A saved SVG cannot see the page's stylesheets, so
// the generated timeline gets its computed colours written in, and a Mermaid diagram gets its
// stylesheet back as a <style> element. PNGs are drawn from that SVG text on a canvas.
const SVG = 'http://www.w3.org/2000/svg';
const COPIED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'visibility'];
const MAX_CANVAS_SIDE = 8192;

/** The editor's background colour, for the exported images' background. */
export function backgroundColor(): string {
  return getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || '#ffffff';
}

/** The generated timeline as a standalone SVG document (colours of the current theme). */
export function timelineSvgText(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const copy = copies[i];
    copy.removeAttribute('class');
    copy.removeAttribute('tabindex');
    if (!(original instanceof SVGGraphicsElement) && original !== svg) return;
    const style = getComputedStyle(original);
    for (const property of COPIED) {
      const value = style.getPropertyValue(property);
      if (value) copy.setAttribute(property, value);
    }
  });
  clone.setAttribute('xmlns', SVG);
  return { text: serialize(clone), width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) };
}

/** A Mermaid diagram as a standalone SVG document: its CSS inlined, its size fixed, a background. */
export function mermaidSvgText(svg: SVGSVGElement, css: string): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.viewBox.baseVal;
  const width = Math.ceil(box?.width || svg.getBoundingClientRect().width || 800);
  const height = Math.ceil(box?.height || svg.getBoundingClientRect().height || 600);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.removeProperty('max-width');
  clone.setAttribute('xmlns', SVG);
  const style = document.createElementNS(SVG, 'style');
  style.textContent = css;
  const background = document.createElementNS(SVG, 'rect');
  for (const [key, value] of Object.entries({ x: box?.x ?? 0, y: box?.y ?? 0, width, height, fill: backgroundColor() })) background.setAttribute(key, String(value));
  clone.prepend(style, background);
  return { text: serialize(clone), width, height };
}

function serialize(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/** Draws an SVG document on a canvas (twice its size when that fits) and returns the PNG as base64. */
export async function pngBase64(svgText: string, width: number, height: number): Promise<string> {
  const scale = Math.max(0.25, Math.min(2, MAX_CANVAS_SIDE / Math.max(width, height, 1)));
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const dataUrl = canvas.toDataURL('image/png');
    return dataUrl.slice(dataUrl.indexOf(',') + 1);
  } finally {
    URL.revokeObjectURL(url);
  }
}
