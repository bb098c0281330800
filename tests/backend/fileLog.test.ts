import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRotatingFileLog } from '../../src/backend/fileLog';
import { createLogger } from '../../src/backend/logger';

describe('rotating file log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-log-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes logger lines to the file, creating its folder', () => {
    const log = createRotatingFileLog({ file: path.join(dir, 'logs', 'nexus.log') });
    const logger = createLogger(log.write);
    logger.info('hub opened', { docs: 3 });
    logger.error('boom', new Error('bad'));
    const entries = readFileSync(log.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { level: string; message: string });
    expect(entries.map((e) => [e.level, e.message])).toEqual([
      ['info', 'hub opened'],
      ['error', 'boom'],
    ]);
  });

  it('rotates past the size limit and keeps only `keep` old files', () => {
    const file = path.join(dir, 'nexus.log');
    const log = createRotatingFileLog({ file, maxBytes: 100, keep: 2 });
    for (let i = 0; i < 10; i++) {
      log.write(`${String(i).padStart(2, '0')}${'x'.repeat(37)}\n`); // 40 bytes: two lines per file
    }
    expect(log.files()).toEqual([file, `${file}.1`, `${file}.2`]);
    expect(readFileSync(file, 'utf8')).toMatch(/^08x+\n09x+\n$/);
    expect(readFileSync(`${file}.1`, 'utf8')).toMatch(/^06x+\n07x+\n$/);
    expect(readFileSync(`${file}.2`, 'utf8')).toMatch(/^04x+\n05x+\n$/);
  });

  it('continues an existing file across restarts', () => {
    const file = path.join(dir, 'nexus.log');
    createRotatingFileLog({ file, maxBytes: 100 }).write(`${'a'.repeat(79)}\n`);
    const again = createRotatingFileLog({ file, maxBytes: 100 });
    again.write(`${'b'.repeat(39)}\n`);
    expect(readFileSync(file, 'utf8')).toBe(`${'b'.repeat(39)}\n`);
    expect(readFileSync(`${file}.1`, 'utf8')).toBe(`${'a'.repeat(79)}\n`);
  });
});
