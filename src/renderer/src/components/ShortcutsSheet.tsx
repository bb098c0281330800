/** The keyboard shortcuts sheet (`?` or Ctrl+/): every shortcut by group, plus the app's versions. */
import { useRef } from 'react';
import { useFocusTrap } from './dialog/useFocusTrap';
import { useApi } from '../api/useApi';
import type { StudyApi } from '../../../core/api/contract';
import { SHORTCUTS, type Shortcut, formatAccelerator } from '../../../core/shell/shortcuts';

const GROUPS: Shortcut['group'][] = ['General', 'Navigation', 'Study', 'View'];

/** Props of the sheet. */
export type ShortcutsSheetProps = { api: StudyApi; inElectron: boolean; mac: boolean; onClose: () => void };

/** A modal dialog listing every shortcut; Escape or the button closes it and focus goes back. */
export function ShortcutsSheet({ api, inElectron, mac, onClose }: ShortcutsSheetProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const info = useApi(api, 'app.info', {}).value ?? null;

  const dialogRef = useRef<HTMLDivElement>(null);
  useFocusTrap(dialogRef, { onEscape: onClose, initialFocus: closeRef });

  return (
    <div className="sheet-backdrop" onClick={onClose}>
      <div
        ref={dialogRef}
        className="shortcuts-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
      >
        <header>
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" ref={closeRef} onClick={onClose}>
            Close
          </button>
        </header>
        {GROUPS.map((group) => {
          const rows = SHORTCUTS.filter((s) => s.group === group);
          return rows.length === 0 ? null : (
            <section key={group} aria-label={group}>
              <h3>{group}</h3>
              <table>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.id} data-shortcut={s.id}>
                      <th scope="row">
                        {s.label}
                        {s.scope === 'desktop' && !inElectron && <span className="muted"> (desktop app)</span>}
                      </th>
                      <td>
                        {s.keys.map((k, i) => (
                          <span key={k}>
                            {i > 0 && <span className="muted"> or </span>}
                            <kbd>{formatAccelerator(k, mac)}</kbd>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
        {info !== null && (
          <footer className="muted" aria-label="About">
            {info.name} {info.version}
            {Object.entries(info.versions).map(([k, v]) => ` · ${k} ${v}`)}
          </footer>
        )}
      </div>
    </div>
  );
}
