import type { MockOverview } from '../../../../core/api/mockApi';

type Props = {
  exercises: MockOverview['exercises'];
  /** Opens (and expands) the operation of a step. */
  onOpen: (slug: string) => void;
};

/**
 * Guided exercises on the offline mock: each step is done in an operation's "Try it" panel and is
 * checked against what the mock stores (not what was typed); a done step marks its topic done.
 */
export function Exercises({ exercises, onOpen }: Props) {
  if (exercises.length === 0) {
    return null;
  }
  const done = exercises.filter((e) => e.done).length;
  return (
    <details className="api-exercises" open>
      <summary>
        Exercises on the offline mock ({done} of {exercises.length} done)
      </summary>
      <p className="api-exercises-help">
        Do each step with <strong>Try it</strong> on its operation. Steps are checked against the mock&apos;s stored data, and a done step
        counts as progress on that operation. <strong>Reset data</strong> starts over.
      </p>
      {exercises.map((ex) => (
        <section key={ex.id} className="api-exercise" aria-label={`Exercise: ${ex.title}`}>
          <h3>
            {ex.title} <span className="api-exercise-tag">{ex.tag}</span>
            {ex.done && <span className="api-exercise-done"> ✓ done</span>}
          </h3>
          <ol>
            {ex.steps.map((step, i) => (
              <li key={`${step.op}:${i}`} className={step.done ? 'done' : ''} aria-label={`${step.title}: ${step.done ? 'done' : 'to do'}`}>
                <span aria-hidden="true">{step.done ? '✓' : '○'}</span>{' '}
                <button type="button" className="link-button" onClick={() => onOpen(step.op)}>
                  {step.title}
                </button>{' '}
                <code>
                  {step.method} {step.path}
                </code>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </details>
  );
}
