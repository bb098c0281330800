import { type FormEvent, useRef, useState } from 'react';
import { BoundedText } from './BoundedText';
import { useFocusTrap } from './dialog/useFocusTrap';
import './dialog/dialog.css';

type Props = { onSubmit: (root: string) => Promise<string | null>; onCancel: () => void };

/**
 * Asks for a hub folder (the web host has no native folder dialog). Opening a large hub takes a
 * few seconds: the dialog says so while it works, and a bad path comes back as a clear message.
 */
export function OpenHubForm({ onSubmit, onCancel }: Props) {
  const [root, setRoot] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusTrap(form, { onEscape: onCancel });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    void onSubmit(root.trim()).then(
      (message) => {
        setBusy(false);
        setError(message);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <form ref={form} className="open-hub" onSubmit={submit} role="dialog" aria-modal="true" aria-label="Open a hub folder" aria-busy={busy}>
        <label>
          Hub folder (absolute path)
          <input
            autoFocus
            value={root}
            readOnly={busy}
            onChange={(e) => setRoot(e.target.value)}
            placeholder="/home/me/alx-project-nexus"
          />
        </label>
        <div className="open-hub-actions">
          <button type="submit" className="primary" disabled={root.trim() === '' || busy}>
            {busy ? 'Opening…' : 'Open'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
        {busy && (
          <p role="status" className="open-hub-progress">
            <span className="spinner" aria-hidden="true" /> Opening the hub: reading and parsing its docs… A large hub takes a few seconds.
          </p>
        )}
        {error !== null && (
          <p role="alert" className="open-hub-error">
            <BoundedText text={error} />
          </p>
        )}
      </form>
    </div>
  );
}
