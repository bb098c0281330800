import { useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { ReviewSettings as Settings } from '../../../../core/api/reviewApi';
import { useApi } from '../../api/useApi';
import { BoundedText } from '../BoundedText';
import './review.css';

type Props = { api: StudyApi; /** Saved (the due count changes). */ onChanged?: () => void };

/** Review settings: new cards per day, reviews per day, desired retention. */
export function ReviewSettings({ api, onChanged }: Props) {
  const saved = useApi(api, 'review.settings', {});
  // What the learner typed; the saved settings until they type.
  const [edited, setForm] = useState<{ newPerDay: string; reviewsPerDay: string; retention: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const form = edited ?? (saved.value !== undefined ? toForm(saved.value) : null);

  if (form === null) {
    return null;
  }
  const save = async (): Promise<void> => {
    const newPerDay = Number(form.newPerDay);
    const reviewsPerDay = Number(form.reviewsPerDay);
    const retention = Number(form.retention) / 100;
    if (!Number.isInteger(newPerDay) || !Number.isInteger(reviewsPerDay) || newPerDay < 0 || reviewsPerDay < 0 || !(retention >= 0.7 && retention <= 0.99)) {
      setMessage({ text: 'Limits are whole numbers from 0; retention is 70-99%.', error: true });
      return;
    }
    const res = await api['review.setSettings']({ newPerDay, reviewsPerDay, retention });
    if (res.ok) {
      setForm(toForm(res.value));
      setMessage({ text: 'Saved.', error: false });
      onChanged?.();
    } else {
      setMessage({ text: res.error.message, error: true });
    }
  };
  return (
    <form
      className="review-settings"
      aria-label="Review settings"
      // Checked here, so the learner reads why a value is refused.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        New cards per day
        <input type="number" min={0} value={form.newPerDay} onChange={(e) => setForm({ ...form, newPerDay: e.target.value })} />
      </label>
      <label>
        Reviews per day
        <input type="number" min={0} value={form.reviewsPerDay} onChange={(e) => setForm({ ...form, reviewsPerDay: e.target.value })} />
      </label>
      <label>
        Desired retention (%)
        <input type="number" min={70} max={99} value={form.retention} onChange={(e) => setForm({ ...form, retention: e.target.value })} />
      </label>
      <p className="muted">Higher retention means more reviews: at 90% you should recall 9 cards in 10 when they come due.</p>
      <div>
        <button type="submit" className="primary">
          Save review settings
        </button>{' '}
        {message !== null && (
          <span className={message.error ? 'save-error' : 'muted'} role={message.error ? 'alert' : 'status'}>
            <BoundedText text={message.text} />
          </span>
        )}
      </div>
    </form>
  );
}

function toForm(s: Settings): { newPerDay: string; reviewsPerDay: string; retention: string } {
  return { newPerDay: String(s.newPerDay), reviewsPerDay: String(s.reviewsPerDay), retention: String(Math.round(s.retention * 100)) };
}
