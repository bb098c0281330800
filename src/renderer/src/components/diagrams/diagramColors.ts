/**
 * Author colours in rendered diagrams: a node filled by the author (`style X fill:#333`, a
 * classDef) keeps its fill, but its label is set to black or white, whichever reads better on it,
 * so labels stay readable in both themes.
 */

/** Parses `#rgb`, `#rrggbb`, `rgb(r, g, b)` and a few names into 0-255 channels, or null. */
export function parseColor(value: string): [number, number, number] | null {
  const v = value.trim().toLowerCase();
  const named: Record<string, [number, number, number]> = {
    black: [0, 0, 0],
    white: [255, 255, 255],
    red: [255, 0, 0],
    green: [0, 128, 0],
    blue: [0, 0, 255],
    yellow: [255, 255, 0],
    orange: [255, 165, 0],
    purple: [128, 0, 128],
    gray: [128, 128, 128],
    grey: [128, 128, 128],
    navy: [0, 0, 128],
    teal: [0, 128, 128],
    maroon: [128, 0, 0],
  };
  if (v in named) {
    return named[v] ?? null;
  }
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])(?:[0-9a-f])?$/.exec(v);
  if (short !== null) {
    return [parseInt(`${short[1]}${short[1]}`, 16), parseInt(`${short[2]}${short[2]}`, 16), parseInt(`${short[3]}${short[3]}`, 16)];
  }
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})(?:[0-9a-f]{2})?$/.exec(v);
  if (long !== null) {
    return [parseInt(long[1] ?? '0', 16), parseInt(long[2] ?? '0', 16), parseInt(long[3] ?? '0', 16)];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(v);
  if (rgb !== null) {
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  }
  return null;
}

/** WCAG relative luminance of a colour. */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The label colour that reads best on `fill`: black or white. */
export function labelColorOn(fill: [number, number, number]): '#000000' | '#ffffff' {
  const l = luminance(fill);
  // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05): pick the larger.
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

function authorFill(shape: Element): [number, number, number] | null {
  const style = shape.getAttribute('style') ?? '';
  const m = /(?:^|;)\s*fill\s*:\s*([^;!]+)/i.exec(style);
  return m?.[1] !== undefined ? parseColor(m[1]) : null;
}

/** Sets readable label colours on every node of `svg` whose fill the author chose. */
export function fixAuthorFills(svg: Element): number {
  let fixed = 0;
  for (const node of svg.querySelectorAll('g.node, g.cluster')) {
    const shape = node.querySelector('rect, circle, ellipse, polygon, path');
    const fill = shape !== null ? authorFill(shape) : null;
    if (fill === null) {
      continue;
    }
    const color = labelColorOn(fill);
    for (const label of node.querySelectorAll('text, tspan, .nodeLabel, .label')) {
      const el = label as SVGElement | HTMLElement;
      el.style.setProperty('fill', color, 'important');
      el.style.setProperty('color', color, 'important');
    }
    fixed += 1;
  }
  return fixed;
}
