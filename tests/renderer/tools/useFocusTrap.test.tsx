import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useFocusTrap } from '../../../src/renderer/src/components/dialog/useFocusTrap';

afterEach(cleanup);

function Dialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, { onEscape: onClose });
  return (
    <div ref={ref} role="dialog" aria-modal="true">
      <input aria-label="first" />
      <button type="button" disabled>
        off
      </button>
      <button type="button">last</button>
    </div>
  );
}

function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        opener
      </button>
      <a href="#behind">behind</a>
      {open && <Dialog onClose={() => setOpen(false)} />}
    </>
  );
}

describe('useFocusTrap', () => {
  it('focuses the first control, cycles Tab inside, pulls focus back, closes on Esc and restores focus', async () => {
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'opener' });
    opener.focus();
    fireEvent.click(opener);
    const first = screen.getByLabelText('first');
    const last = screen.getByRole('button', { name: 'last' });
    expect(document.activeElement).toBe(first);

    fireEvent.keyDown(first, { key: 'Tab' });
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);

    // Focus that wanders behind the dialog comes back.
    screen.getByRole('link', { name: 'behind' }).focus();
    await waitFor(() => expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true));

    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
