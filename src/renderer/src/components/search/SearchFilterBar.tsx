import type { SearchApiHit } from '../../../../core/api/searchApi';
import type { SearchFilters, SearchKind } from '../../../../core/search/types';

const KINDS: Array<[SearchKind, string]> = [
  ['section', 'Sections'],
  ['endpoint', 'API endpoints'],
  ['note', 'Notes'],
];

/** The folders and docs the current hits live in, for the "in" filter. */
function places(hits: SearchApiHit[]): string[] {
  const out = new Set<string>();
  for (const h of hits) {
    if (h.docPath === '') {
      continue;
    }
    const parts = h.docPath.split('/');
    for (let i = 1; i < parts.length; i++) {
      out.add(`${parts.slice(0, i).join('/')}/`);
    }
    out.add(h.docPath);
  }
  return [...out].sort();
}

/** Filters of the full results view: where, what kind, not done yet, has my notes. */
export function SearchFilterBar({ filters, onChange, hits }: { filters: SearchFilters; onChange: (f: SearchFilters) => void; hits: SearchApiHit[] }) {
  const kinds = filters.kinds ?? [];
  const toggleKind = (kind: SearchKind): void => {
    const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
    onChange({ ...filters, kinds: next });
  };
  const where = filters.paths?.[0] ?? '';
  const options = places(hits);
  if (where !== '' && !options.includes(where)) {
    options.unshift(where);
  }
  return (
    <div className="search-filters" role="group" aria-label="Filters">
      <label>
        In{' '}
        <select value={where} onChange={(e) => onChange({ ...filters, paths: e.target.value === '' ? [] : [e.target.value.replace(/\/$/, '')] })}>
          <option value="">the whole hub</option>
          {options.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {KINDS.map(([kind, label]) => (
        <label key={kind}>
          <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggleKind(kind)} /> {label}
        </label>
      ))}
      <label>
        <input type="checkbox" checked={filters.notDone === true} onChange={(e) => onChange({ ...filters, notDone: e.target.checked })} /> Not done yet
      </label>
      <label>
        <input type="checkbox" checked={filters.hasNotes === true} onChange={(e) => onChange({ ...filters, hasNotes: e.target.checked })} /> Has my notes
      </label>
    </div>
  );
}
