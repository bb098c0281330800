import { type FormEvent, useState } from 'react';
import { BoundedText } from './BoundedText';

type Props = { onSubmit: (root: string) => Promise<string | null>; onCancel: () => void };

/** Asks for a hub folder (the web host has no native folder dialog). */
export function OpenHubForm({ onSubmit, onCancel }: Props) {
  const [root, setRoot] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void onSubmit(root.trim()).then(setError);
  };
  return (
    <form className="open-hub" onSubmit={submit} role="dialog" aria-label="Open a hub folder">
      <label>
        Hub folder (absolute path)
        <input autoFocus value={root} onChange={(e) => setRoot(e.target.value)} placeholder="/home/me/alx-project-nexus" />
      </label>
      <button type="submit" disabled={root.trim() === ''}>
        Open
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error !== null && <p role="alert">
          <BoundedText text={error} />
        </p>}
    </form>
  );
}
