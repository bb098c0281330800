import { useRef, useState } from 'react';
import { useFocusTrap } from '../dialog/useFocusTrap';
import { DiagramCanvas, zoomedView } from './DiagramCanvas';
import type { DiagramView } from './diagramView';

type Props = { safeSvg: string; onClose: () => void };

/**
 * A diagram in a full-window viewer: fitted to the window first, then pan and zoom by mouse or
 * keys. Focus stays inside while it is open (Tab cycles), Esc closes it.
 */
export function DiagramDialog({ safeSvg, onClose }: Props) {
  const [view, setView] = useState<DiagramView>({ mode: 'fit', scale: 1 });
  const [shown, setShown] = useState(1);
  const root = useRef<HTMLDivElement>(null);
  const viewport = useRef<HTMLElement | null>(null);
  useFocusTrap(root, { onEscape: onClose, initialFocus: viewport });
  // The canvas is the pan/zoom target: it takes the focus first.
  const setRoot = (el: HTMLDivElement | null): void => {
    root.current = el;
    viewport.current = el?.querySelector<HTMLElement>('.diagram-viewport') ?? null;
  };
  return (
    <div className="diagram-dialog-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={setRoot} className="diagram-dialog" role="dialog" aria-modal="true" aria-label="Diagram viewer">
        <div className="diagram-toolbar">
          <button type="button" aria-label="Zoom out" onClick={() => setView(zoomedView(shown, 0.8))}>
            −
          </button>
          <button type="button" aria-label="Actual size" onClick={() => setView({ mode: 'zoom', scale: 1 })}>
            {Math.round(shown * 100)}%
          </button>
          <button type="button" aria-label="Zoom in" onClick={() => setView(zoomedView(shown, 1.25))}>
            +
          </button>
          <button type="button" aria-pressed={view.mode === 'fit'} onClick={() => setView({ mode: 'fit', scale: 1 })}>
            Fit
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        <DiagramCanvas safeSvg={safeSvg} view={view} onView={setView} onScale={setShown} label="Diagram" />
      </div>
    </div>
  );
}
