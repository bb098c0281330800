/** The hub's topics as the study domain sees them: id, title, doc and folder. */
import type { ParsedDoc } from '../hub/types';
import type { EndpointTopic } from '../openapi/types';

/** One topic that progress can attach to. */
export type CatalogTopic = { id: string; title: string; docPath: string; docTitle: string };

/** Every topic of the hub, by id, plus the docs in order. */
export type TopicCatalog = { topics: Map<string, CatalogTopic>; docs: Array<{ path: string; title: string; topicIds: string[] }> };

/** Builds the catalogue from the hub's docs and API operations (operations group under their spec). */
export function buildCatalog(
  docs: readonly Pick<ParsedDoc, 'path' | 'title' | 'topics'>[],
  endpoints: readonly EndpointTopic[],
  specTitles: ReadonlyMap<string, string> = new Map(),
): TopicCatalog {
  const topics = new Map<string, CatalogTopic>();
  const docList: TopicCatalog['docs'] = [];
  for (const doc of docs) {
    const ids: string[] = [];
    for (const t of doc.topics) {
      topics.set(t.id, { id: t.id, title: t.title, docPath: doc.path, docTitle: doc.title });
      ids.push(t.id);
    }
    docList.push({ path: doc.path, title: doc.title, topicIds: ids });
  }
  const bySpec = new Map<string, string[]>();
  for (const e of endpoints) {
    const title = e.summary !== '' ? `${e.method} ${e.path} — ${e.summary}` : `${e.method} ${e.path}`;
    topics.set(e.id, { id: e.id, title, docPath: e.specPath, docTitle: specTitles.get(e.specPath) ?? e.specPath });
    bySpec.set(e.specPath, [...(bySpec.get(e.specPath) ?? []), e.id]);
  }
  for (const [specPath, ids] of bySpec) {
    docList.push({ path: specPath, title: specTitles.get(specPath) ?? specPath.split('/').pop() ?? specPath, topicIds: ids });
  }
  return { topics, docs: docList };
}
