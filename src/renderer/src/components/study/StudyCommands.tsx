import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import { useUiCommand } from '../../hooks/useUiCommand';
import { BoundedText } from '../BoundedText';

/** Carries out the study commands of the menu and shortcuts that need no view (export). */
export function StudyCommands({ api }: { api: StudyApi }) {
  const [message, setMessage] = useState<string | null>(null);
  useUiCommand('export', () => {
    void api['study.export']({}).then((res) => setMessage(res.ok ? `Exported ${res.value.notes} notes and your progress to ${res.value.folder}` : res.error.message));
  });
  if (message === null) {
    return null;
  }
  return (
    <div className="study-banner" role="status">
      <span>
        <BoundedText text={message} />
      </span>
      <button type="button" onClick={() => setMessage(null)}>
        Dismiss
      </button>
    </div>
  );
}
