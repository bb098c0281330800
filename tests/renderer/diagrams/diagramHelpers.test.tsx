import { afterEach, describe, expect, it } from 'vitest';
import { fixAuthorFills, labelColorOn, luminance, parseColor } from '../../../src/renderer/src/components/diagrams/diagramColors';
import { displayWidth, loadView, saveView, sourceKey } from '../../../src/renderer/src/components/diagrams/diagramView';

describe('diagram sizing', () => {
  it('fits a wide diagram only when its labels stay at least 11 px, else keeps its natural size', () => {
    const fit = { mode: 'fit' as const, scale: 1 };
    expect(displayWidth(fit, 500, 800)).toBe(500);
    expect(displayWidth(fit, 1000, 800)).toBe(800); // 16 px labels -> 12.8 px
    expect(displayWidth(fit, 2400, 800)).toBe(2400); // fitting would give 5 px labels: scroll instead
    expect(displayWidth({ mode: 'zoom', scale: 1.5 }, 1000, 800)).toBe(1500);
  });
});

describe('remembered zoom', () => {
  afterEach(() => window.localStorage.clear());
  it('is kept per diagram source; bad values fall back to fit', () => {
    expect(loadView('graph TD; A-->B')).toEqual({ mode: 'fit', scale: 1 });
    saveView('graph TD; A-->B', { mode: 'zoom', scale: 2 });
    expect(loadView('graph TD; A-->B')).toEqual({ mode: 'zoom', scale: 2 });
    expect(loadView('graph TD; A-->C')).toEqual({ mode: 'fit', scale: 1 });
    window.localStorage.setItem(`nexus.diagram.${sourceKey('x')}`, '{"mode":"zoom","scale":1e9}');
    expect(loadView('x')).toEqual({ mode: 'fit', scale: 1 });
  });
});

describe('author colours', () => {
  it('parses colours and picks the readable label colour', () => {
    expect(parseColor('#333')).toEqual([51, 51, 51]);
    expect(parseColor('#FFCC00')).toEqual([255, 204, 0]);
    expect(parseColor('rgb(10, 20, 30)')).toEqual([10, 20, 30]);
    expect(parseColor('url(#x)')).toBeNull();
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(labelColorOn([51, 51, 51])).toBe('#ffffff');
    expect(labelColorOn([255, 204, 0])).toBe('#000000');
  });

  it('sets white labels on a dark author fill, leaves nodes without one alone', () => {
    const host = document.createElement('div');
    host.innerHTML = [
      '<svg xmlns="http://www.w3.org/2000/svg">',
      '<g class="node" id="a"><rect style="fill:#333 !important;stroke:#000"></rect><g class="label"><text><tspan>Dark</tspan></text></g></g>',
      '<g class="node" id="b"><rect></rect><g class="label"><text><tspan>Plain</tspan></text></g></g>',
      '</svg>',
    ].join('');
    const svg = host.querySelector('svg') as Element;
    expect(fixAuthorFills(svg)).toBe(1);
    expect((host.querySelector('#a tspan') as SVGElement).style.getPropertyValue('fill')).toBe('#ffffff');
    expect((host.querySelector('#b tspan') as SVGElement).style.getPropertyValue('fill')).toBe('');
  });
});
