// Saves notes in a loop and prints "ack <id>" after each save resolves (the crash-safety test kills it).
import { silentLogger } from '../../../src/backend/logger';
import { StudyStore } from '../../../src/backend/store/studyStore';

const [file, prefix] = process.argv.slice(2);
if (file === undefined || prefix === undefined) {
  process.exit(2);
}
const store = await StudyStore.open({ file, logger: silentLogger });
if (store.status().state !== 'ok') {
  process.stdout.write(`status ${store.status().state}\n`);
  process.exit(3);
}
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const id = `${prefix}-${i}`;
  const now = new Date().toISOString();
  await store.update((db) => {
    db.notes.push({ id, topicId: null, topicTitle: null, title: id, body: `note ${id} `.repeat(50), tags: ['crash'], createdAt: now, updatedAt: now });
  });
  process.stdout.write(`ack ${id}\n`);
}
