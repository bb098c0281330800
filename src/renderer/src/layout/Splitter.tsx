import { type KeyboardEvent, type PointerEvent, useRef } from 'react';

type Props = {
  /** What the splitter resizes, for screen readers ("Resize sidebar"). */
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right grows the pane (a left pane), -1 when it shrinks it (a right pane). */
  direction: 1 | -1;
  onChange: (width: number) => void;
};

/** A vertical splitter between two panes: drag it, or focus it and use the arrow keys. */
export function Splitter({ label, value, min, max, direction, onChange }: Props) {
  const drag = useRef<{ x: number; from: number } | null>(null);
  const clamp = (w: number): number => Math.round(Math.min(max, Math.max(min, w)));
  const onKeyDown = (e: KeyboardEvent): void => {
    const step = e.shiftKey ? 48 : 16;
    const delta: Record<string, number> = { ArrowLeft: -step * direction, ArrowRight: step * direction };
    if (e.key in delta) {
      onChange(clamp(value + (delta[e.key] ?? 0)));
    } else if (e.key === 'Home') {
      onChange(min);
    } else if (e.key === 'End') {
      onChange(max);
    } else {
      return;
    }
    e.preventDefault();
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    drag.current = { x: e.clientX, from: value };
    e.currentTarget.setPointerCapture?.(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent): void => {
    const d = drag.current;
    if (d !== null) {
      onChange(clamp(d.from + (e.clientX - d.x) * direction));
    }
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    />
  );
}
