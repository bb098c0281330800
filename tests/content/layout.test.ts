import { describe, expect, test } from 'vitest';
import { LAYOUT, hubFileExists, linksOf, normaliseTitle, readHub, sectionsOf } from './helpers';

/** Headings each doc must have (as H1-H3), matched after `normaliseTitle`. */
const REQUIRED_HEADINGS: Record<string, readonly string[]> = {
  'docs/technologies.md': [
    'Python',
    'Django',
    'Django REST Framework',
    'GraphQL with Graphene-Django',
    'Docker',
    'CI/CD with GitHub Actions',
  ],
  'docs/backend-concepts.md': [
    'Database Design',
    'Relational Modelling in PostgreSQL',
    'Normalisation',
    'Relationships: OneToOne, ForeignKey and ManyToMany',
    'Asynchronous Programming',
    'Async Views in Django',
    'Celery and RabbitMQ',
    'Caching Strategies',
    'Redis as a Cache',
    'Caching Views',
    'Caching Querysets',
    'Caching Serialised Data',
  ],
  'docs/challenges-and-solutions.md': [
    'Long-Running Tasks',
    'API Performance',
    'Docker Deployment',
    'Frontend-Backend Integration',
    'N+1 Queries',
    'Migrations in a Team',
    'Managing Secrets',
    'Flaky Tests',
    'CORS Errors',
    'Timezones',
  ],
  'docs/backend-best-practices.md': [
    'Design First with OpenAPI',
    'Testing',
    'Linters and Formatters',
    'Git Workflow',
    'Documentation',
    'Security Basics',
  ],
  'docs/collaboration.md': ['Agreeing API Contracts', 'Mock Servers', 'Code Review', 'Debugging Sessions'],
  'system-design/diagrams.md': [
    'System Architecture',
    'Request Lifecycle',
    'Celery Task Flow',
    'Cache-Aside Read Path',
    'CI/CD Pipeline',
    'Entity-Relationship Diagram',
    'Docker Compose Deployment',
  ],
};

const headingCases = Object.entries(REQUIRED_HEADINGS).flatMap(([doc, titles]) => titles.map((title) => ({ doc, title })));

describe('hub layout', () => {
  for (const path of LAYOUT) {
    test(`${path} exists`, () => {
      expect(hubFileExists(path), `resources/hub/${path} is missing`).toBe(true);
    });
  }
});

describe('required topics have headings', () => {
  for (const { doc, title } of headingCases) {
    test(`${doc} has a heading "${title}"`, () => {
      expect(hubFileExists(doc), `resources/hub/${doc} is missing`).toBe(true);
      const titles = sectionsOf(doc, readHub(doc)).map((section) => normaliseTitle(section.title));
      expect(titles, `no H1-H3 heading "${title}" in ${doc}`).toContain(normaliseTitle(title));
    });
  }

  test('challenges-and-solutions.md covers at least 8 challenges (H2 or H3 topics)', () => {
    const doc = 'docs/challenges-and-solutions.md';
    expect(hubFileExists(doc)).toBe(true);
    const topics = sectionsOf(doc, readHub(doc)).filter((section) => section.depth >= 2);
    expect(topics.length).toBeGreaterThanOrEqual(8);
  });

  test('diagrams.md gives each of its seven diagrams an H2 with a mermaid block', () => {
    const doc = 'system-design/diagrams.md';
    expect(hubFileExists(doc)).toBe(true);
    const sections = sectionsOf(doc, readHub(doc));
    expect(sections[0]?.depth).toBe(1);
    expect(sections[0]?.title).toBe('System Design Diagrams');
    for (const title of REQUIRED_HEADINGS[doc] ?? []) {
      const section = sections.find((s) => s.depth === 2 && s.title === title);
      expect(section, `missing "## ${title}"`).toBeDefined();
      expect(section?.ownText, `"## ${title}" has no mermaid block`).toMatch(/^```mermaid\s*$/m);
    }
  });
});

describe('README', () => {
  const doc = 'README.md';

  test('has the agreed outline', () => {
    expect(hubFileExists(doc)).toBe(true);
    const sections = sectionsOf(doc, readHub(doc));
    expect(sections.filter((s) => s.depth === 1).map((s) => s.title)).toEqual(['Project Nexus']);
    const h2 = sections.filter((s) => s.depth === 2).map((s) => s.title);
    for (const title of ['Overview', 'Objectives', 'How to Use This Hub', 'Map of the Hub']) {
      expect(h2).toContain(title);
    }
  });

  test('its map links every other file of the layout', () => {
    expect(hubFileExists(doc)).toBe(true);
    const text = readHub(doc);
    const map = sectionsOf(doc, text).find((s) => s.title === 'Map of the Hub');
    expect(map, 'no "## Map of the Hub" section').toBeDefined();
    const targets = new Set(linksOf(doc, map?.ownText ?? '').map((link) => link.url.replace(/^\.\//, '').split('#')[0]));
    for (const path of LAYOUT.filter((p) => p !== doc)) {
      expect(targets, `the map does not link ${path}`).toContain(path);
    }
  });
});
