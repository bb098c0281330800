import type { Note, TrashItem } from '../../../src/core/api/studyApi';
import { FakeFailure, fakeApi } from '../fakeApi';

const DAY = 24 * 60 * 60 * 1000;

/**
 * An in-memory notes store that keeps the contract of notes.save (`create: true` with a caller's
 * id is idempotent; an update must name an existing note), notes.delete (to the Trash),
 * notes.trash and notes.restore. `failSaves` makes that many saves fail first (disk full), and a
 * failed save lands nothing, as the back end promises.
 */
export function notesStore(initial: Note[] = [], opts: { failSaves?: number; trash?: TrashItem[] } = {}) {
  const notes = [...initial];
  const trash: Array<{ note: Note; item: TrashItem }> = (opts.trash ?? []).map((item) => ({
    item,
    note: {
      id: item.id,
      topicId: item.topicId,
      topicTitle: null,
      title: item.title,
      body: '',
      tags: [],
      createdAt: item.deletedAt,
      updatedAt: item.deletedAt,
    },
  }));
  let failures = opts.failSaves ?? 0;
  let made = 0;
  const api = fakeApi({
    'notes.list': ({ topicId, text }) => ({
      notes: notes
        .filter((x) => (topicId === undefined || x.topicId === topicId) && (text === undefined || x.title.includes(text)))
        .map((x) => ({ ...x, orphaned: false })),
      tags: [],
    }),
    'notes.save': (input) => {
      if (failures > 0) {
        failures -= 1;
        throw new FakeFailure('io', 'The note could not be saved: the disk is full (ENOSPC).');
      }
      const now = new Date().toISOString();
      const existing = notes.find((x) => x.id === input.id);
      if (input.id !== undefined && existing === undefined && input.create !== true) {
        throw new FakeFailure('not-found', `No note ${input.id}.`);
      }
      const id = input.id ?? `server-${++made}`;
      const note: Note = {
        id,
        topicId: input.topicId,
        topicTitle: null,
        title: input.title,
        body: input.body,
        tags: input.tags,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      if (existing !== undefined) {
        notes.splice(notes.indexOf(existing), 1, note);
      } else {
        notes.push(note);
      }
      return note;
    },
    'notes.delete': ({ id }) => {
      const i = notes.findIndex((x) => x.id === id);
      if (i < 0) {
        throw new FakeFailure('not-found', `No note ${id}.`);
      }
      const [note] = notes.splice(i, 1);
      const at = new Date();
      if (note !== undefined) {
        trash.unshift({
          note,
          item: {
            id,
            title: note.title,
            topicId: note.topicId,
            deletedAt: at.toISOString(),
            purgeAt: new Date(at.getTime() + 30 * DAY).toISOString(),
            reason: 'deleted',
          },
        });
      }
      return { deleted: true };
    },
    'notes.trash': () => ({ items: trash.map((t) => t.item) }),
    'notes.restore': ({ id }) => {
      const i = trash.findIndex((t) => t.item.id === id);
      const entry = trash[i];
      if (entry === undefined) {
        throw new FakeFailure('not-found', `No note ${id} in the Trash.`);
      }
      trash.splice(i, 1);
      notes.push(entry.note);
      return entry.note;
    },
  });
  /** The ids every notes.save was called with (undefined: no id). */
  const savedIds = (): Array<string | undefined> => api.calls.filter(([m]) => m === 'notes.save').map(([, a]) => (a as { id?: string }).id);
  return { api, notes, trash, savedIds };
}
