import type { HubProblem } from '../../../core/hub/types';
import { BoundedText } from './BoundedText';

type Props = { problems: HubProblem[]; onOpen: (path: string) => void; onClose: () => void };

/** Files the hub could not (fully) load, with the reason for each. */
export function ProblemsPanel({ problems, onOpen, onClose }: Props) {
  return (
    <section className="problems" aria-label="Problems">
      <header>
        <h2>Problems ({problems.length})</h2>
        <button type="button" onClick={onClose} aria-label="Close problems">
          ✕
        </button>
      </header>
      {problems.length === 0 ? (
        <p>Every file of this hub loaded.</p>
      ) : (
        <ul>
          {problems.map((p, i) => (
            <li key={`${p.path}:${p.code}:${i}`} className={`problem-${p.severity}`}>
              {/\.(md|markdown)$/i.test(p.path) && p.severity === 'warning' ? (
                <button type="button" className="linkish" onClick={() => onOpen(p.path)}>
                  {p.path}
                </button>
              ) : (
                <code>{p.path}</code>
              )}
              <span className="problem-message">
                <BoundedText text={p.message} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
