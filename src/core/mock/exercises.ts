/**
 * Exercises: short guided sequences per tag ("create a category, add a product to it, list the
 * products of the category"). Each step is checked against the mock's state (what is stored and
 * the journal of what the learner did), never against what the learner typed. Curated sequences
 * (by operationId, see CURATED) come first; every other tag with a collection gets a generic
 * create -> read -> list sequence derived from the spec.
 */
import { journalOf } from './engine';
import type { MockModel, MockOperation } from './model';
import type { JournalEntry, Json, MockState } from './types';

/** How a step is checked. `ref`: the index of the earlier step whose resource this one uses. */
export type ExerciseCheck =
  | { kind: 'create' }
  | { kind: 'create-in'; ref: number }
  | { kind: 'read'; ref: number }
  | { kind: 'list'; ref: number }
  | { kind: 'change'; ref: number };

/** One step: do operation `op` (a slug) so that the check holds. */
export type ExerciseStep = { title: string; op: string; check: ExerciseCheck };

/** A guided sequence on one tag. */
export type Exercise = { id: string; tag: string; title: string; steps: ExerciseStep[] };

/** A step with whether the mock's state shows it done. */
export type ExerciseStepStatus = ExerciseStep & { method: string; path: string; done: boolean };

/** An exercise with its steps' status. */
export type ExerciseStatus = Omit<Exercise, 'steps'> & { steps: ExerciseStepStatus[]; done: boolean };

type CuratedStep = { title: string; operationId: string; check: ExerciseCheck };
type Curated = { id: string; tag: string; title: string; steps: CuratedStep[] };

/** Sequences we wrote for specs shaped like the bundled shop (used when every operationId exists). */
export const CURATED: Curated[] = [
  {
    id: 'catalogue',
    tag: 'Products',
    title: 'Stock the catalogue',
    steps: [
      { title: 'Create a category', operationId: 'createCategory', check: { kind: 'create' } },
      { title: 'Add a product to it', operationId: 'createProduct', check: { kind: 'create-in', ref: 0 } },
      { title: 'List the products of the category', operationId: 'listProducts', check: { kind: 'list', ref: 1 } },
    ],
  },
  {
    id: 'reviews',
    tag: 'Reviews',
    title: 'Review a product',
    steps: [
      { title: 'Create a product', operationId: 'createProduct', check: { kind: 'create' } },
      { title: 'Review it', operationId: 'createReview', check: { kind: 'create-in', ref: 0 } },
      { title: 'List its reviews', operationId: 'listProductReviews', check: { kind: 'list', ref: 1 } },
    ],
  },
  {
    id: 'orders',
    tag: 'Orders',
    title: 'Place and cancel an order',
    steps: [
      { title: 'Place an order', operationId: 'createOrder', check: { kind: 'create' } },
      { title: 'Read it back', operationId: 'retrieveOrder', check: { kind: 'read', ref: 0 } },
      { title: 'Cancel it', operationId: 'cancelOrder', check: { kind: 'change', ref: 0 } },
    ],
  },
];

/** Most exercises derived from one spec. */
const MAX_EXERCISES = 30;

const lower = (s: string): string => (s === '' ? s : s.charAt(0).toLowerCase() + s.slice(1));

/** The exercises of a spec: curated ones whose operations all exist, then one generic per other tag. */
export function exercisesOf(model: MockModel): Exercise[] {
  const byId = new Map(model.operations.filter((o) => o.operationId !== null).map((o) => [o.operationId ?? '', o]));
  const out: Exercise[] = [];
  for (const c of CURATED) {
    const ops = c.steps.map((s) => byId.get(s.operationId));
    if (ops.every((o): o is MockOperation => o !== undefined)) {
      out.push({
        id: c.id,
        tag: c.tag,
        title: c.title,
        steps: c.steps.map((s, i) => ({ title: s.title, op: ops[i]?.slug ?? '', check: s.check })),
      });
    }
  }
  const covered = new Set(out.map((e) => e.tag));
  for (const create of model.operations.filter((o) => o.role === 'create')) {
    const tag = create.tags[0] ?? 'default';
    if (covered.has(tag) || out.length >= MAX_EXERCISES) {
      continue;
    }
    const read = model.operations.find((o) => o.role === 'read' && o.collection === create.collection);
    const list = model.operations.find((o) => o.role === 'list' && o.template === create.collection);
    const steps: ExerciseStep[] = [
      { title: create.summary || `Create (${create.method} ${create.template})`, op: create.slug, check: { kind: 'create' } },
    ];
    if (read !== undefined) {
      steps.push({
        title: read.summary !== '' ? `${read.summary} (the one you created)` : 'Read it back',
        op: read.slug,
        check: { kind: 'read', ref: 0 },
      });
    }
    if (list !== undefined) {
      steps.push({
        title: list.summary !== '' ? `${list.summary} and find it` : 'List them and find it',
        op: list.slug,
        check: { kind: 'list', ref: 0 },
      });
    }
    if (steps.length < 2) {
      continue;
    }
    covered.add(tag);
    out.push({
      id: `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      tag,
      title: `${tag}: ${lower(steps.map((s) => s.title).join(', then '))}`.slice(0, 200),
      steps,
    });
  }
  return out;
}

/** A resource the learner made: where it is stored and its key. */
type Made = { collection: string; field: string; key: string };

const text = (v: Json | undefined): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** `categories` -> `category`, `addresses` -> `address`, `orders` -> `order`. */
function singular(word: string): string {
  return word.endsWith('ies') ? `${word.slice(0, -3)}y` : /(ss|x|ch|sh)es$/.test(word) ? word.slice(0, -2) : word.replace(/s$/, '');
}

function stored(state: MockState, m: Made): Record<string, Json> | undefined {
  return state.collections[m.collection]?.items.find((i) => text(i[m.field]) === m.key);
}

/** The status of each exercise's steps in `state`. */
export function exerciseStatus(model: MockModel, state: MockState, exercises: Exercise[] = exercisesOf(model)): ExerciseStatus[] {
  const journal = journalOf(state);
  const bySlug = new Map(model.operations.map((o) => [o.slug, o]));
  return exercises.map((ex) => {
    const made: Made[][] = [];
    const steps = ex.steps.map((step, i) => {
      const result = satisfied(step, journal, state, made);
      made[i] = result;
      const op = bySlug.get(step.op);
      return { ...step, method: op?.method ?? '', path: op?.template ?? '', done: result.length > 0 };
    });
    return { ...ex, steps, done: steps.every((s) => s.done) };
  });
}

function satisfied(step: ExerciseStep, journal: JournalEntry[], state: MockState, made: Made[][]): Made[] {
  const mine = journal.filter((e) => e.op === step.op);
  const check = step.check;
  if (check.kind === 'create') {
    return mine.filter((e) => e.key !== '' && stored(state, e) !== undefined);
  }
  const refs = made[check.ref] ?? [];
  if (refs.length === 0) {
    return [];
  }
  switch (check.kind) {
    case 'create-in':
      return mine.filter((e) => {
        const child = e.key === '' ? undefined : stored(state, e);
        return child !== undefined && refs.some((parent) => belongsTo(e, child, parent));
      });
    case 'list':
      return refs.filter((r) => mine.some((e) => e.collection === r.collection && (e.keys ?? []).includes(r.key)));
    case 'read':
    case 'change':
      return refs.filter((r) => mine.some((e) => e.collection === r.collection && e.key === r.key));
  }
}

/** A child belongs to a parent when it is stored under it (`/products/7/reviews/`) or names it (`category: kitchen`). */
function belongsTo(child: JournalEntry, value: Record<string, Json>, parent: Made): boolean {
  const parentName = parent.collection.replace(/\/+$/, '').split('/').pop() ?? '';
  if (child.collection.startsWith(`${parent.collection.replace(/\/?$/, '/')}${encodeURIComponent(parent.key)}/`)) {
    return true;
  }
  const one = singular(parentName);
  return [one, `${one}_id`, `${one}Id`, `${one}_slug`].some((f) => text(value[f]) === parent.key && parent.key !== '');
}
