import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import { BoundedText } from '../BoundedText';

/** Exports notes (markdown) and progress (JSON, CSV) into a new folder and says where. */
export function ExportButton({ api }: { api: StudyApi }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    setBusy(true);
    const res = await api['study.export']({});
    setBusy(false);
    setMessage(res.ok ? { text: `Exported ${res.value.notes} notes and your progress to ${res.value.folder}`, error: false } : { text: res.error.message, error: true });
  };
  return (
    <div className="export">
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? 'Exporting…' : 'Export notes and progress'}
      </button>
      {message !== null && (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          <BoundedText text={message.text} />
        </p>
      )}
    </div>
  );
}
