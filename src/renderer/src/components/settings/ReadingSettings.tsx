import './readingPrefs.css';
import { DEFAULT_PREFS, FONT_MAX, FONT_MIN, READING_WIDTHS, type ReadingWidth, setReadingPrefs, useReadingPrefs } from './readingPrefs';

const WIDTH_LABELS: Record<ReadingWidth, string> = { narrow: 'Narrow', medium: 'Medium', wide: 'Wide', full: 'Full width' };

/** The reading section of Settings: text column width and font size, remembered on this machine. */
export function ReadingSettings() {
  const prefs = useReadingPrefs();
  return (
    <section className="settings-reading" aria-labelledby="settings-reading-title">
      <h2 id="settings-reading-title">Reading</h2>
      <fieldset className="reading-width">
        <legend>Text width</legend>
        {(Object.keys(READING_WIDTHS) as ReadingWidth[]).map((w) => {
          const px = READING_WIDTHS[w];
          return (
            <label key={w}>
              <input type="radio" name="reading-width" value={w} checked={prefs.width === w} onChange={() => setReadingPrefs({ width: w })} />
              {WIDTH_LABELS[w]}
              <span className="muted"> {px === null ? '' : `(${px}px)`}</span>
            </label>
          );
        })}
      </fieldset>
      <div className="reading-font">
        <label htmlFor="reading-font-size">Font size</label>
        <button type="button" aria-label="Smaller text" disabled={prefs.fontSize <= FONT_MIN} onClick={() => setReadingPrefs({ fontSize: prefs.fontSize - 1 })}>
          A−
        </button>
        <input
          id="reading-font-size"
          type="range"
          min={FONT_MIN}
          max={FONT_MAX}
          step={1}
          value={prefs.fontSize}
          onChange={(e) => setReadingPrefs({ fontSize: Number(e.target.value) })}
        />
        <button type="button" aria-label="Larger text" disabled={prefs.fontSize >= FONT_MAX} onClick={() => setReadingPrefs({ fontSize: prefs.fontSize + 1 })}>
          A+
        </button>
        <span className="reading-font-value" data-testid="reading-font-size">
          {prefs.fontSize}px
        </span>
        <button type="button" className="link-button" onClick={() => setReadingPrefs(DEFAULT_PREFS)}>
          Reset
        </button>
      </div>
      <p className="reading-sample markdown-body" aria-label="Sample text">
        The quick brown fox reads the docs at this size. 敏捷的狐狸在读文档。
      </p>
    </section>
  );
}
