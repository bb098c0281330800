import type { SearchEntry } from '../../../src/core/search/types';

/** A small search fixture; each entry is a section unless said otherwise. */
export function entry(key: string, title: string, body: string, extra: Partial<SearchEntry> = {}): SearchEntry {
  const [docPath = key, slug = null] = key.split('#');
  return { key, kind: 'section', docPath, docTitle: docPath, topicId: key, slug, title, headingPath: [], keywords: '', body, code: '', ...extra };
}

export const corpus: SearchEntry[] = [
  entry('guide/auth.md#authentication', 'Authentication', 'Authentication checks who a user is. Use tokens or sessions.'),
  entry('guide/auth.md#authorization', 'Authorization', 'Authorization decides what an authenticated user may do.'),
  entry('guide/orm.md#queries', 'Efficient queries', 'Use select_related to follow foreign keys in one query.', { code: 'Book.objects.select_related("author")' }),
  entry('guide/orm.md#dependency-injection', 'Dependency injection', 'Pass dependencies in instead of creating them.'),
  entry('guide/orm.md#injection', 'SQL injection', 'Never build SQL with string formatting; injection follows.'),
  entry('guide/errors.md#errors', 'Errors', 'Raise HTTPException with a status code.', { code: 'raise HTTPException(status_code=404)' }),
  entry('guide/drf.md#views', 'Function views', 'Decorate a function with @api_view to make it an API view.'),
  entry('guide/zh.md#intro', '依赖注入简介', 'FastAPI 的依赖注入系统非常强大。'),
  entry('guide/cache.md#body-only', 'Caching', 'A page about latency where the word authentication appears once.'),
  entry('api/openapi.yml#list-books', 'GET /books', 'Lists every book.', { kind: 'endpoint', keywords: 'List books listBooks get', headingPath: ['openapi.yml', 'books'] }),
];
