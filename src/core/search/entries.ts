/** Hub docs, API operations and notes -> search entries. */
import type { ParsedDoc, Topic } from '../hub/types';
import type { EndpointTopic } from '../openapi/types';
import type { SearchEntry } from './types';

/** A note as search needs it. */
export type NoteInput = { id: string; topicId: string | null; title: string; body: string; tags: string[] };

/** One entry per topic of a parsed doc, with its heading path (doc title, then parent headings). */
export function docEntries(doc: ParsedDoc): SearchEntry[] {
  const byId = new Map(doc.topics.map((t) => [t.id, t]));
  const texts = new Map(doc.texts.map((t) => [t.topicId, t]));
  return doc.topics.map((topic) => {
    const text = texts.get(topic.id);
    return {
      key: topic.id,
      kind: 'section',
      docPath: doc.path,
      docTitle: doc.title,
      topicId: topic.id,
      slug: topic.slug,
      title: topic.title,
      headingPath: headingPath(doc, topic, byId),
      keywords: '',
      body: text?.text ?? '',
      code: text?.code ?? '',
    };
  });
}

function headingPath(doc: ParsedDoc, topic: Topic, byId: Map<string, Topic>): string[] {
  const path: string[] = [];
  let parent = topic.parentId !== null ? byId.get(topic.parentId) : undefined;
  while (parent !== undefined) {
    path.unshift(parent.title);
    parent = parent.parentId !== null ? byId.get(parent.parentId) : undefined;
  }
  if (path[0] !== doc.title && topic.title !== doc.title) {
    path.unshift(doc.title);
  }
  return path;
}

/** An API operation: found by method, path, summary, tags and operationId. */
export function endpointEntry(op: EndpointTopic, specTitle: string): SearchEntry {
  // The id is `<spec path>#<operation slug>`; a spec path may itself hold a '#'.
  const prefix = `${op.specPath}#`;
  const hash = op.id.startsWith(prefix) ? prefix.length - 1 : op.id.lastIndexOf('#');
  return {
    key: op.id,
    kind: 'endpoint',
    docPath: op.specPath,
    docTitle: specTitle,
    topicId: op.id,
    slug: hash === -1 ? null : op.id.slice(hash + 1),
    title: `${op.method} ${op.path}`,
    headingPath: [specTitle, ...op.tags],
    keywords: `${op.summary} ${op.operationId ?? ''} ${op.method.toLowerCase()}`,
    body: op.description,
    code: '',
  };
}

/** A note: found by title, tags and body; it opens at its topic when it has one. */
export function noteEntry(note: NoteInput, topic: { docPath: string; docTitle: string; slug: string; title: string } | null): SearchEntry {
  return {
    key: `note:${note.id}`,
    kind: 'note',
    docPath: topic?.docPath ?? '',
    docTitle: topic?.docTitle ?? 'Notes',
    topicId: note.topicId,
    slug: topic?.slug ?? null,
    title: note.title !== '' ? note.title : 'Untitled note',
    headingPath: topic !== null ? [topic.docTitle, topic.title] : [],
    keywords: note.tags.join(' '),
    body: note.body,
    code: '',
  };
}
