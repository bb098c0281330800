/** The hub's review cards and topic texts, built once per open hub. */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { extractApiCards } from '../../core/review/apiCards';
import { findDocCards } from '../../core/review/finders/findCards';
import type { TopicContent } from '../../core/review/stale';
import type { ReviewCard, SkippedBlock } from '../../core/review/types';
import type { HubService } from '../hub/hubService';
import type { Logger } from '../logger';

/** Every card of a hub, by id and by topic, and the blocks that were skipped. */
export type Deck = { cards: Map<string, ReviewCard>; byTopic: Map<string, ReviewCard[]>; skipped: SkippedBlock[] };

/** The current text of every topic (docs: prose and code; operations: summary and description). */
export function topicContents(hub: HubService): Map<string, TopicContent> {
  const out = new Map<string, TopicContent>();
  for (const doc of hub.allDocs()) {
    const titles = new Map(doc.topics.map((t) => [t.id, t.title]));
    for (const t of doc.texts) {
      const text = t.code !== '' ? `${t.text}\n\n${t.code}` : t.text;
      out.set(t.topicId, { topicId: t.topicId, title: titles.get(t.topicId) ?? t.topicId, text });
    }
  }
  for (const e of hub.endpointTopics()) {
    out.set(e.id, { topicId: e.id, title: `${e.method} ${e.path}`, text: [e.summary, e.description].filter((x) => x !== '').join('\n\n') });
  }
  return out;
}

/** Reads every doc (every finder) and spec of `hub` for cards. A file that fails is logged and skipped. */
export async function buildDeck(hub: HubService, logger: Logger): Promise<Deck> {
  const cards = new Map<string, ReviewCard>();
  const byTopic = new Map<string, ReviewCard[]>();
  const skipped: SkippedBlock[] = [];
  const add = (extracted: { cards: ReviewCard[]; skipped: SkippedBlock[] }): void => {
    skipped.push(...extracted.skipped);
    for (const c of extracted.cards) {
      cards.set(c.id, c);
      const key = c.topicId ?? '';
      byTopic.set(key, [...(byTopic.get(key) ?? []), c]);
    }
  };
  for (const doc of hub.allDocs()) {
    try {
      add(findDocCards(await hub.source(doc.path), doc.topics));
    } catch (e) {
      logger.warn('review cards: doc skipped', { path: doc.path, error: String(e) });
    }
    await yieldToLoop();
  }
  for (const specPath of new Set(hub.endpointTopics().map((e) => e.specPath))) {
    try {
      add(extractApiCards((await hub.spec(specPath)).spec));
    } catch (e) {
      logger.warn('review cards: spec skipped', { path: specPath, error: String(e) });
    }
  }
  return { cards, byTopic, skipped };
}
