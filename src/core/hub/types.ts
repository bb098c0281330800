/** Types of the hub model: files -> docs -> topics. */
import type { Root as HastRoot } from 'hast';
import type { SpecSummary } from '../openapi/types';

/** Why a hub file was skipped or only partly read. */
export type ProblemCode =
  | 'not-utf8'
  | 'binary'
  | 'too-large'
  | 'symlink-outside'
  | 'special-file'
  | 'git-internal'
  | 'unreadable'
  | 'too-deep'
  | 'parse-failed'
  | 'parse-timeout'
  | 'front-matter'
  | 'unclosed-fence'
  | 'invalid-spec';

/** A file the reader could not (fully) load, shown in the problems panel. */
export type HubProblem = {
  path: string;
  code: ProblemCode;
  message: string;
  /** warning: the file loaded with a caveat; error: the file was skipped. */
  severity: 'warning' | 'error';
};

/** A section of a doc: what progress, notes and search attach to. */
export type Topic = {
  /** `<relative path>#<slug>`: stable across runs while the heading text stays the same. */
  id: string;
  docPath: string;
  slug: string;
  /** Heading text with inline markdown removed. */
  title: string;
  depth: 1 | 2 | 3;
  parentId: string | null;
  /** 1-based source line of the heading. */
  line: number;
};

/** The plain text of one topic, for search and change detection. */
export type TopicText = {
  topicId: string;
  /** Prose, inline code included. */
  text: string;
  /** Fenced and indented code blocks. */
  code: string;
};

/** Where a link in a doc points, decided when the doc is parsed. */
export type LinkKind = 'doc' | 'anchor' | 'api' | 'asset' | 'external' | 'site' | 'broken' | 'blocked';

/** What the sidebar needs of a doc. */
export type DocSummary = {
  path: string;
  title: string;
  topics: Topic[];
  encoding: 'utf-8' | 'windows-1252';
};

/** A fully parsed doc. */
export type ParsedDoc = DocSummary & {
  /** Every anchor id a link may point at (headings and pseudo-headings). */
  anchors: string[];
  texts: TopicText[];
  frontMatter: Record<string, unknown> | null;
  problems: HubProblem[];
};

/** A parsed doc ready to render: sanitised hast with classified links. */
export type RenderedDoc = ParsedDoc & {
  /** Already sanitised; safe to turn into elements. */
  safeHast: HastRoot;
};

/** A node of the sidebar tree. */
export type HubTreeNode =
  | { kind: 'folder'; name: string; path: string; children: HubTreeNode[] }
  | { kind: 'doc'; name: string; path: string; doc: DocSummary }
  | { kind: 'spec'; name: string; path: string; spec: SpecSummary };
