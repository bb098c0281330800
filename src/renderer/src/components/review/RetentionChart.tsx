import type { RetentionDay } from '../../../../core/api/reviewApi';

const W = 520;
const H = 120;
const PAD = { left: 28, right: 8, top: 8, bottom: 18 };

/**
 * Reviews per day (bars) and retention (the share recalled, line) over the last 30 days, as an
 * inline SVG: no chart library for one small chart.
 */
export function RetentionChart({ days }: { days: RetentionDay[] }) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, days.length);
  const maxReviews = Math.max(1, ...days.map((d) => d.reviews));
  const reviewed = days.filter((d) => d.reviews > 0);
  const total = reviewed.reduce((n, d) => n + d.reviews, 0);
  const recalled = reviewed.reduce((n, d) => n + d.recalled, 0);
  const overall = total > 0 ? Math.round((recalled / total) * 100) : null;
  const x = (i: number): number => PAD.left + i * step + step / 2;
  const y = (share: number): number => PAD.top + innerH * (1 - share);
  const points = days.map((d, i) => (d.reviews > 0 ? { x: x(i), y: y(d.recalled / d.reviews), d } : null)).filter((p) => p !== null);
  const label = overall === null ? 'Retention, last 30 days: no reviews yet' : `Retention, last 30 days: ${overall}% of ${total} reviews recalled`;
  return (
    <figure className="retention" data-testid="retention-chart" data-reviews={total}>
      <svg className="retention-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
        <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={y(1)} y2={y(1)} strokeDasharray="3 3" />
        <text x={2} y={y(1) + 4}>100%</text>
        <text x={10} y={y(0) + 4}>0</text>
        {days.map((d, i) =>
          d.reviews > 0 ? (
            <rect key={d.day} className="bar-reviews" x={x(i) - step * 0.35} width={step * 0.7} y={PAD.top + innerH * (1 - d.reviews / maxReviews)} height={(innerH * d.reviews) / maxReviews}>
              <title>{`${d.day}: ${d.reviews} reviews, ${d.recalled} recalled`}</title>
            </rect>
          ) : null,
        )}
        {points.length > 1 && <polyline className="line-retention" points={points.map((p) => `${p.x},${p.y}`).join(' ')} />}
        {points.map((p) => (
          <circle key={p.d.day} className="dot-retention" cx={p.x} cy={p.y} r={3}>
            <title>{`${p.d.day}: ${Math.round((p.d.recalled / p.d.reviews) * 100)}% recalled`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={H - 4}>{days[0]?.day.slice(5) ?? ''}</text>
        <text x={W - PAD.right - 28} y={H - 4}>today</text>
      </svg>
      <figcaption className="muted">{overall === null ? 'No reviews in the last 30 days.' : `${overall}% recalled over ${total} reviews (bars: reviews per day; line: share recalled).`}</figcaption>
    </figure>
  );
}
