/** API-operation cards from the normalised OpenAPI model: what an operation returns on success. */
import type { ApiOperation, ApiResponse, ApiSpec, SchemaNode } from '../openapi/types';
import { cardId } from './cardId';
import type { ExtractedCards } from './types';

/** A short name for a schema: its $ref name, title or type. */
function schemaName(node: SchemaNode | null): string | null {
  if (node === null) {
    return null;
  }
  switch (node.kind) {
    case 'ref':
      return node.name;
    case 'schema': {
      if (node.title !== null && node.title !== '') {
        return node.title;
      }
      if (node.type.startsWith('array') && node.items !== null) {
        const inner = schemaName(node.items);
        return inner !== null ? `array of ${inner}` : 'array';
      }
      return node.type !== '' ? node.type : null;
    }
    default:
      return null;
  }
}

function responseLine(r: ApiResponse): string {
  const desc = r.description.trim().replace(/\s+/g, ' ');
  const bodies = r.content.map((m) => {
    const name = schemaName(m.schema);
    return name !== null ? `\`${m.mediaType}\` (${name})` : `\`${m.mediaType}\``;
  });
  const body = bodies.length > 0 ? ` Body: ${bodies.join(', ')}.` : ' No body.';
  return `- **${r.status}**${desc !== '' ? ` — ${desc}` : ''}.${body}`.replace(/\.\./g, '.');
}

const isSuccess = (status: string): boolean => /^2(\d\d|XX)$/i.test(status);

/** The question a success-response card asks. */
export function apiQuestion(op: Pick<ApiOperation, 'topic'>): string {
  return `What does \`${op.topic.method} ${op.topic.path}\` return on success?`;
}

/**
 * One card per operation that documents a 2xx response: "What does `POST /orders` return on
 * success?", answered with each success status, its description and body types. Operations
 * without a documented success response give no card.
 */
export function extractApiCards(spec: Pick<ApiSpec, 'operations'>): ExtractedCards {
  const out: ExtractedCards = { cards: [], skipped: [] };
  for (const op of spec.operations) {
    const ok = op.responses.filter((r) => isSuccess(r.status));
    if (ok.length === 0) {
      continue;
    }
    const question = apiQuestion(op);
    const summary = op.topic.summary !== '' ? `*${op.topic.summary}*\n\n` : '';
    out.cards.push({ id: cardId(op.topic.id, question), topicId: op.topic.id, kind: 'api', question, answer: `${summary}${ok.map(responseLine).join('\n')}` });
  }
  return out;
}
