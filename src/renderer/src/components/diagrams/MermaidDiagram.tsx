import { useCallback, useEffect, useRef, useState } from 'react';
import './diagrams.css';
import { DiagramCanvas, zoomedView } from './DiagramCanvas';
import { DiagramDialog } from './DiagramDialog';
import { useExclusiveModal } from '../dialog/useExclusiveModal';
import { type DiagramView, loadView, saveView } from './diagramView';
import { renderMermaid } from './renderMermaid';
import { useColorScheme } from './useColorScheme';
import { useNearViewport } from './useNearViewport';

type State = { status: 'waiting' } | { status: 'ready'; safeSvg: string } | { status: 'error'; message: string };

/**
 * One ```mermaid block: drawn when it comes near the viewport (mermaid loads on first use), themed
 * light/dark, readable at its natural size (fitted only when labels stay readable), with zoom
 * remembered per diagram, a full-window viewer and "view source". A diagram that fails shows its
 * error and source, contained.
 */
export function MermaidDiagram({ source }: { source: string }) {
  const theme = useColorScheme();
  const figure = useRef<HTMLElement>(null);
  const expandButton = useRef<HTMLButtonElement>(null);
  const near = useNearViewport(figure);
  const [state, setState] = useState<State>({ status: 'waiting' });
  const [showSource, setShowSource] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [view, setViewState] = useState<DiagramView>(() => loadView(source));
  const [shown, setShown] = useState(1);
  // Another dialog opening (Ctrl+K, Ctrl+P) closes the viewer; focus is that dialog's.
  useExclusiveModal(expanded, () => setExpanded(false));
  const setView = useCallback(
    (next: DiagramView) => {
      setViewState(next);
      saveView(source, next);
    },
    [source],
  );

  useEffect(() => {
    if (!near) {
      return undefined;
    }
    let live = true;
    renderMermaid(source, theme, figure.current).then(
      (safeSvg) => live && setState({ status: 'ready', safeSvg }),
      (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [source, theme, near]);

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
  const ready = state.status === 'ready';
  return (
    <figure ref={figure} className="diagram" role="group" aria-label="Diagram">
      <div className="diagram-toolbar">
        <button type="button" onClick={() => setView(zoomedView(shown, 0.8))} aria-label="Zoom out" disabled={!ready}>
          −
        </button>
        <button
          type="button"
          onClick={() => setView({ mode: 'zoom', scale: 1 })}
          aria-label="Actual size"
          title="Actual size (0)"
          disabled={!ready}
        >
          {Math.round(shown * 100)}%
        </button>
        <button type="button" onClick={() => setView(zoomedView(shown, 1.25))} aria-label="Zoom in" disabled={!ready}>
          +
        </button>
        <button
          type="button"
          aria-pressed={view.mode === 'fit'}
          onClick={() => setView({ mode: 'fit', scale: 1 })}
          title="Fit the column when labels stay readable (F)"
          disabled={!ready}
        >
          Fit
        </button>
        <button ref={expandButton} type="button" onClick={() => setExpanded(true)} disabled={!ready}>
          Expand
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
      {ready ? (
        <DiagramCanvas safeSvg={state.safeSvg} view={view} onView={setView} onScale={setShown} label="Diagram" />
      ) : (
        <div className="diagram-status" role="status">
          {near ? 'Drawing diagram…' : 'Diagram (drawn when scrolled into view)'}
        </div>
      )}
      {expanded && ready && (
        <DiagramDialog
          safeSvg={state.safeSvg}
          onClose={() => {
            setExpanded(false);
            expandButton.current?.focus();
          }}
        />
      )}
    </figure>
  );
}
