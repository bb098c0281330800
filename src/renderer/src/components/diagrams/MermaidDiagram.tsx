import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from 'react';
import './diagrams.css';
import { renderMermaid } from './renderMermaid';
import { useColorScheme } from './useColorScheme';

type State = { status: 'rendering' } | { status: 'ready'; safeSvg: string } | { status: 'error'; message: string };
type View = { scale: number; x: number; y: number };

const START: View = { scale: 1, x: 0, y: 0 };
const clampScale = (s: number): number => Math.min(8, Math.max(0.25, s));

/**
 * One ```mermaid block: rendered lazily (mermaid loads on first use), themed light/dark, with
 * zoom, pan and "view source". A diagram that fails shows its error and source, contained.
 */
export function MermaidDiagram({ source }: { source: string }) {
  const theme = useColorScheme();
  const [state, setState] = useState<State>({ status: 'rendering' });
  const [showSource, setShowSource] = useState(false);
  const [view, setView] = useState<View>(START);
  const drag = useRef<{ x: number; y: number; from: View } | null>(null);

  useEffect(() => {
    let live = true;
    renderMermaid(source, theme).then(
      (safeSvg) => live && setState({ status: 'ready', safeSvg }),
      (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [source, theme]);

  const zoom = (factor: number): void => setView((v) => ({ ...v, scale: clampScale(v.scale * factor) }));
  const onKeyDown = (e: KeyboardEvent): void => {
    const step = 40;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (move !== undefined) {
      setView((v) => ({ ...v, x: v.x + move[0], y: v.y + move[1] }));
    } else if (e.key === '+' || e.key === '=') {
      zoom(1.25);
    } else if (e.key === '-') {
      zoom(0.8);
    } else if (e.key === '0') {
      setView(START);
    } else {
      return;
    }
    e.preventDefault();
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    drag.current = { x: e.clientX, y: e.clientY, from: view };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent): void => {
    const d = drag.current;
    if (d !== null) {
      setView({ ...d.from, x: d.from.x + e.clientX - d.x, y: d.from.y + e.clientY - d.y });
    }
  };

  if (state.status === 'error') {
    return (
      <figure className="diagram diagram-error" role="group" aria-label="Diagram that could not be drawn">
        <p className="diagram-error-message" role="note">
          This diagram could not be drawn: {state.message}
        </p>
        <pre className="diagram-source">
          <code>{source}</code>
        </pre>
      </figure>
    );
  }
  return (
    <figure className="diagram" role="group" aria-label="Diagram">
      <div className="diagram-toolbar">
        <button type="button" onClick={() => zoom(1.25)} aria-label="Zoom in" disabled={state.status !== 'ready'}>
          +
        </button>
        <button type="button" onClick={() => zoom(0.8)} aria-label="Zoom out" disabled={state.status !== 'ready'}>
          −
        </button>
        <button type="button" onClick={() => setView(START)} aria-label="Reset zoom" disabled={state.status !== 'ready'}>
          {Math.round(view.scale * 100)}%
        </button>
        <button type="button" aria-pressed={showSource} onClick={() => setShowSource((s) => !s)}>
          {showSource ? 'Hide source' : 'View source'}
        </button>
      </div>
      {showSource && (
        <pre className="diagram-source">
          <code>{source}</code>
        </pre>
      )}
      {state.status === 'rendering' ? (
        <div className="diagram-status" role="status">
          Drawing diagram…
        </div>
      ) : (
        <div
          className="diagram-viewport"
          tabIndex={0}
          aria-label="Diagram: arrow keys pan, + and − zoom, 0 resets"
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (drag.current = null)}
          onPointerCancel={() => (drag.current = null)}
          onWheel={(e) => {
            if (e.ctrlKey || e.metaKey) {
              zoom(e.deltaY < 0 ? 1.1 : 0.9);
            }
          }}
        >
          <div
            className="diagram-canvas"
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
            // The SVG comes from mermaid (securityLevel strict) and is sanitised again by DOMPurify.
            dangerouslySetInnerHTML={{ __html: state.safeSvg }}
          />
        </div>
      )}
    </figure>
  );
}
