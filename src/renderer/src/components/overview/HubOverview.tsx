import './overview.css';
import type { Completion } from '../../../../core/api/studyApi';
import { groupByFolder, type OverviewFolder } from './treeOrder';

/** A doc row of the overview. */
export type OverviewDoc = { path: string; title: string } & Completion;
/** A folder's totals. */
export type OverviewFolderStats = { path: string } & Completion;

type Props = {
  docs: readonly OverviewDoc[];
  folders: readonly OverviewFolderStats[];
  onOpen: (path: string) => void;
};

/** A percentage bar with its figure; the bar is named after the row. */
export function Bar({ label, c }: { label: string; c: Completion }) {
  return (
    <>
      <span className="bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={c.percent}>
        <span className="bar-fill" style={{ width: `${c.percent}%` }} />
      </span>
      <span className="bar-figure">
        {c.percent}% <span className="muted">({c.done}/{c.counted}{c.skipped > 0 ? `, ${c.skipped} skipped` : ''})</span>
      </span>
    </>
  );
}

function FolderSection({ folder, stats, onOpen, depth }: { folder: OverviewFolder<OverviewDoc>; stats: Map<string, OverviewFolderStats>; onOpen: (p: string) => void; depth: number }) {
  const own = stats.get(folder.path);
  return (
    <li className="overview-folder" data-folder={folder.path}>
      <div className="overview-row overview-folder-row">
        <span className="overview-name" title={folder.path}>
          {folder.name}/
        </span>
        {own !== undefined && <Bar label={`${folder.path}/`} c={own} />}
      </div>
      <FolderList folder={folder} stats={stats} onOpen={onOpen} depth={depth + 1} />
    </li>
  );
}

function FolderList({ folder, stats, onOpen, depth }: { folder: OverviewFolder<OverviewDoc>; stats: Map<string, OverviewFolderStats>; onOpen: (p: string) => void; depth: number }) {
  return (
    <ul className="overview-list" style={{ ['--depth' as string]: depth }}>
      {folder.docs.map((d) => (
        <li key={d.path} className="overview-row overview-doc" data-path={d.path}>
          <button type="button" className="link-button overview-name" title={`Open ${d.path}`} onClick={() => onOpen(d.path)}>
            {d.title || d.path.split('/').pop()}
          </button>
          <Bar label={d.title || d.path} c={d} />
        </li>
      ))}
      {folder.folders.map((f) => (
        <FolderSection key={f.path} folder={f} stats={stats} onOpen={onOpen} depth={depth} />
      ))}
    </ul>
  );
}

/**
 * The hub at a glance: every folder and doc in the sidebar's order (1, 2, ... 10), each with its
 * progress; a doc's name opens it.
 */
export function HubOverview({ docs, folders, onOpen }: Props) {
  const root = groupByFolder(docs);
  const stats = new Map(folders.map((f) => [f.path, f]));
  if (docs.length === 0) {
    return <p className="muted">This hub has no docs yet.</p>;
  }
  return (
    <div className="hub-overview">
      <FolderList folder={root} stats={stats} onOpen={onOpen} depth={0} />
    </div>
  );
}
