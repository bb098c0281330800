import { describe, expect, it } from 'vitest';
import { resolveLink } from '../../../src/core/hub/links';
import { buildSiteRoutes } from '../../../src/core/hub/siteRoutes';
import { specAnchorSlug } from '../../../src/core/hub/specAnchor';

describe('links to the hub OpenAPI files', () => {
  const files = new Set(['README.md', 'api-specs/openapi.yml', 'img/a.png']);
  const specs = new Set(['api-specs/openapi.yml']);

  it('open the API reference, keeping the anchor', () => {
    expect(resolveLink('README.md', 'api-specs/openapi.yml', files, { specs })).toEqual({ kind: 'api', target: 'api-specs/openapi.yml' });
    expect(resolveLink('README.md', './api-specs/openapi.yml#operation/listOrders', files, { specs })).toEqual({
      kind: 'api',
      target: 'api-specs/openapi.yml#operation/listOrders',
    });
    expect(resolveLink('README.md', 'img/a.png', files, { specs }).kind).toBe('asset');
  });

  it('a file that is not a readable spec stays an asset', () => {
    expect(resolveLink('README.md', 'api-specs/openapi.yml', files)).toEqual({ kind: 'asset', target: 'api-specs/openapi.yml' });
  });
});

describe('specAnchorSlug', () => {
  const spec = {
    operations: [
      { slug: 'listorders', id: 's#listorders', method: 'GET', path: '/orders', summary: '', tag: 'Orders' },
      { slug: 'get-orders-id', id: 's#get-orders-id', method: 'GET', path: '/orders/{id}', summary: '', tag: 'Orders' },
    ],
  };
  it.each([
    ['listorders', 'listorders'],
    ['listOrders', 'listorders'],
    ['operation/listOrders', 'listorders'],
    ['tag/Orders/operation/listOrders', 'listorders'],
    ['/Orders/listOrders', 'listorders'],
    ['/paths/~1orders~1{id}/get', 'get-orders-id'],
    ['paths/~1orders~1{id}/get', 'get-orders-id'],
    ['tag/Orders', null],
    ['', null],
  ])('#%s -> %s', (anchor, slug) => {
    expect(specAnchorSlug(spec, anchor)).toBe(slug);
  });
});

describe('Docusaurus site routes', () => {
  const docs = [
    { path: 'www/docs/main/introduction.mdx', frontMatter: { id: 'introduction', slug: '/' } },
    { path: 'www/docs/client/vanilla/setup.mdx', frontMatter: { id: 'setup', slug: '/client/vanilla/setup' } },
    { path: 'www/docs/server/01-routers.md', frontMatter: { id: 'define-routers' } },
    { path: 'www/docs/further/faq.md', frontMatter: { slug: 'questions' } },
    { path: 'www/docs/guide/index.md', frontMatter: null },
    { path: 'notes/other.md', frontMatter: { slug: '/x' } },
  ];
  const routes = buildSiteRoutes(docs);
  const files = new Set(docs.map((d) => d.path));
  const at = (href: string) => resolveLink('www/docs/client/vanilla/setup.mdx', href, files, { routes });

  it.each([
    ['/docs', 'www/docs/main/introduction.mdx'],
    ['/docs/client/vanilla/setup', 'www/docs/client/vanilla/setup.mdx'],
    ['/docs/client/vanilla/setup/', 'www/docs/client/vanilla/setup.mdx'],
    ['/docs/server/define-routers', 'www/docs/server/01-routers.md'],
    ['/docs/server/routers', 'www/docs/server/01-routers.md'],
    ['/docs/further/questions', 'www/docs/further/faq.md'],
    ['/docs/guide', 'www/docs/guide/index.md'],
  ])('%s -> %s', (href, doc) => {
    expect(at(href)).toEqual({ kind: 'doc', target: doc });
  });

  it('keeps the anchor, and shows other site routes as site links, not broken', () => {
    expect(at('/docs/client/vanilla/setup#install')).toEqual({ kind: 'doc', target: 'www/docs/client/vanilla/setup.mdx#install' });
    expect(at('/blog/announcing-trpc-10')).toEqual({ kind: 'site', target: '/blog/announcing-trpc-10' });
    expect(at('/docs/not/there')).toEqual({ kind: 'site', target: '/docs/not/there' });
  });

  it('a hub without routes (not a Docusaurus site) still calls a missing root link broken', () => {
    expect(resolveLink('a.md', '/docs/missing.md', new Set(['a.md']))).toEqual({ kind: 'broken', target: 'docs/missing.md' });
  });

  it('ignores docs outside a docs folder and slugs that climb', () => {
    expect(routes.has('/x')).toBe(false);
    expect(buildSiteRoutes([{ path: 'docs/a.md', frontMatter: { slug: '../../etc' } }]).size).toBe(1);
  });
});
