import { type KeyboardEvent, type PointerEvent, useLayoutEffect, useRef, useState } from 'react';
import { fixAuthorFills } from './diagramColors';
import { type DiagramView, displayWidth } from './diagramView';

type Props = {
  /** SVG markup already sanitised by renderMermaid. */
  safeSvg: string;
  view: DiagramView;
  onView: (view: DiagramView) => void;
  /** Reports the zoom shown (display width / natural width). */
  onScale?: (scale: number) => void;
  label: string;
};

const clampScale = (s: number): number => Math.min(8, Math.max(0.25, s));

/** Zoom helpers shared by the toolbar and the keys: relative to what is shown now. */
export function zoomedView(shown: number, factor: number): DiagramView {
  return { mode: 'zoom', scale: clampScale(shown * factor) };
}

function naturalWidth(svg: SVGSVGElement): number {
  const vb = svg
    .getAttribute('viewBox')
    ?.split(/[\s,]+/)
    .map(Number);
  if (vb !== undefined && vb.length === 4 && Number.isFinite(vb[2]) && (vb[2] ?? 0) > 0) {
    return vb[2] ?? 0;
  }
  return parseFloat(svg.getAttribute('width') ?? '') || 600;
}

/**
 * A drawn diagram in a scrolling viewport, sized from its natural width (see displayWidth):
 * drag or arrow keys pan, + and − zoom, 0 shows 100 %, F fits.
 */
export function DiagramCanvas({ safeSvg, view, onView, onScale, label }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const shown = useRef(1);
  const [column, setColumn] = useState(0);

  useLayoutEffect(() => {
    const svg = canvas.current?.querySelector('svg');
    if (svg !== null && svg !== undefined) {
      fixAuthorFills(svg);
    }
  }, [safeSvg]);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (el === null) {
      return undefined;
    }
    setColumn(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    const ro = new ResizeObserver(() => setColumn(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const svg = canvas.current?.querySelector('svg');
    if (svg === null || svg === undefined) {
      return;
    }
    const natural = naturalWidth(svg);
    const width = displayWidth(view, natural, Math.max(200, column - 24));
    svg.style.width = `${width}px`;
    svg.style.maxWidth = 'none';
    svg.style.height = 'auto';
    shown.current = width / natural;
    onScale?.(shown.current);
  }, [safeSvg, view, column, onScale]);

  const onKeyDown = (e: KeyboardEvent): void => {
    const el = viewport.current;
    const step = 40;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[e.key];
    if (move !== undefined && el !== null) {
      el.scrollBy?.({ left: move[0], top: move[1] });
    } else if (e.key === '+' || e.key === '=') {
      onView(zoomedView(shown.current, 1.25));
    } else if (e.key === '-') {
      onView(zoomedView(shown.current, 0.8));
    } else if (e.key === '0') {
      onView({ mode: 'zoom', scale: 1 });
    } else if (e.key === 'f' || e.key === 'F') {
      onView({ mode: 'fit', scale: 1 });
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    drag.current = { x: e.clientX, y: e.clientY, left: e.currentTarget.scrollLeft, top: e.currentTarget.scrollTop };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (d !== null) {
      e.currentTarget.scrollLeft = d.left - (e.clientX - d.x);
      e.currentTarget.scrollTop = d.top - (e.clientY - d.y);
    }
  };
  return (
    <div
      ref={viewport}
      className="diagram-viewport"
      tabIndex={0}
      role="img"
      aria-label={`${label}: arrow keys pan, + and − zoom, 0 shows 100 %, F fits`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onWheel={(e) => {
        if (e.ctrlKey || e.metaKey) {
          onView(zoomedView(shown.current, e.deltaY < 0 ? 1.1 : 0.9));
        }
      }}
    >
      <div
        ref={canvas}
        className="diagram-canvas"
        // The SVG comes from mermaid (securityLevel strict) and is sanitised again by DOMPurify.
        dangerouslySetInnerHTML={{ __html: safeSvg }}
      />
    </div>
  );
}
