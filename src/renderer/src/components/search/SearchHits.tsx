import type { SearchApiHit } from '../../../../core/api/searchApi';
import { HighlightedText } from './HighlightedText';

const KIND_LABEL: Record<SearchApiHit['kind'], string> = { section: 'Section', endpoint: 'API endpoint', note: 'Note' };

/** One hit: title, Doc > Section path, snippet and badges. */
export function HitRow({ hit, id, selected, onChoose }: { hit: SearchApiHit; id: string; selected: boolean; onChoose: () => void }) {
  const path = [hit.docTitle, ...hit.headingPath.filter((h) => h !== hit.docTitle)];
  return (
    <li id={id} role="option" aria-selected={selected} className="search-hit" onMouseDown={(e) => e.preventDefault()} onClick={onChoose}>
      <div className="search-hit-head">
        <span className="search-hit-title">
          <HighlightedText value={hit.title} />
        </span>
        <span className={`search-badge kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
        {hit.badges.done === true && <span className="search-badge done">Done</span>}
        {hit.badges.hasNotes === true && hit.kind !== 'note' && <span className="search-badge notes">Has notes</span>}
      </div>
      <div className="search-hit-path">{path.join(' › ')}</div>
      {hit.snippet.text !== '' && (
        <div className="search-hit-snippet">
          <HighlightedText value={hit.snippet} />
        </div>
      )}
    </li>
  );
}

type GroupedProps = { id: string; hits: SearchApiHit[]; total: number; active: number; optionId: (i: number) => string; onChoose: (i: number) => void };

/** Every hit, grouped by doc (groups in the order of their best hit). */
export function GroupedResults({ id, hits, total, active, optionId, onChoose }: GroupedProps) {
  const groups = new Map<string, Array<{ hit: SearchApiHit; index: number }>>();
  hits.forEach((hit, index) => {
    const key = hit.docPath === '' ? hit.docTitle : hit.docPath;
    const list = groups.get(key) ?? [];
    list.push({ hit, index });
    groups.set(key, list);
  });
  return (
    <div className="search-grouped">
      <p className="search-count" role="status">
        {total} results in {groups.size} docs{total > hits.length ? ` (showing the best ${hits.length})` : ''}
      </p>
      <ul id={id} role="listbox" aria-label="All search results" className="search-list">
        {[...groups].map(([doc, items]) => (
          <li key={doc} role="presentation" className="search-group">
            <div className="search-group-title" role="presentation">
              {items[0]?.hit.docTitle} <span className="search-group-path">{doc}</span>
            </div>
            <ul role="group" aria-label={items[0]?.hit.docTitle ?? doc}>
              {items.map(({ hit, index }) => (
                <HitRow key={hit.key} hit={hit} id={optionId(index)} selected={index === active} onChoose={() => onChoose(index)} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
