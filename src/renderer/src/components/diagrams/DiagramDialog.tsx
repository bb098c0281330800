import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
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
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('.diagram-viewport')?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || root.current === null) {
      return;
    }
    const focusable = [...root.current.querySelectorAll<HTMLElement>('button, [tabindex="0"]')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };
  return (
    <div className="diagram-dialog-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={root} className="diagram-dialog" role="dialog" aria-modal="true" aria-label="Diagram viewer" onKeyDown={onKeyDown}>
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
