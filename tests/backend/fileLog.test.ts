import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FileLog, type FileLogOptions, createRotatingFileLog } from '../../src/backend/fileLog';
import { createLogger } from '../../src/backend/logger';

describe('rotating file log', () => {
  let dir: string;
  const logs: FileLog[] = [];
  const open = (options: FileLogOptions): FileLog => {
    const log = createRotatingFileLog({ flushOnExit: false, ...options });
    logs.push(log);
    return log;
  };
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'nexus-log-'));
  });
  afterEach(async () => {
    await Promise.all(logs.splice(0).map((l) => l.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('writes logger lines to the file, creating its folder', async () => {
    const log = open({ file: path.join(dir, 'logs', 'nexus.log') });
    const logger = createLogger(log.write);
    logger.info('hub opened', { docs: 3 });
    logger.error('boom', new Error('bad'));
    await log.flush();
    const entries = readFileSync(log.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { level: string; message: string });
    expect(entries.map((e) => [e.level, e.message])).toEqual([
      ['info', 'hub opened'],
      ['error', 'boom'],
    ]);
  });

  it('never touches the disk on the caller’s turn: a burst becomes one append after it', async () => {
    const file = path.join(dir, 'logs', 'nexus.log');
    const log = open({ file });
    for (let i = 0; i < 100; i++) {
      log.write(`line ${i}\n`);
    }
    expect(existsSync(path.dirname(file))).toBe(false);
    await log.flush();
    expect(readFileSync(file, 'utf8').split('\n').slice(0, -1)).toEqual(Array.from({ length: 100 }, (_, i) => `line ${i}`));
  });

  it('keeps order across lines written while a batch is on its way to the disk', async () => {
    const file = path.join(dir, 'nexus.log');
    const log = open({ file });
    log.write('a\n');
    await new Promise((r) => setImmediate(r)); // the writer has taken "a"
    log.write('b\n');
    const flushed = log.flush();
    log.write('c\n');
    await flushed;
    await log.flush();
    expect(readFileSync(file, 'utf8')).toBe('a\nb\nc\n');
  });

  it('a line queued just as the writer finishes is written without another write or flush', async () => {
    const file = path.join(dir, 'nexus.log');
    const log = open({ file });
    log.write('first\n');
    const done = log.flush().then(() => log.write('late\n'));
    await done;
    await vi.waitFor(() => expect(readFileSync(file, 'utf8')).toBe('first\nlate\n'));
  });

  it('rotates past the size limit and keeps only `keep` old files', async () => {
    const file = path.join(dir, 'nexus.log');
    const log = open({ file, maxBytes: 100, keep: 2 });
    for (let i = 0; i < 10; i++) {
      log.write(`${String(i).padStart(2, '0')}${'x'.repeat(37)}\n`); // 40 bytes: two lines per file
    }
    await log.flush();
    expect(log.files()).toEqual([file, `${file}.1`, `${file}.2`]);
    expect(readFileSync(file, 'utf8')).toMatch(/^08x+\n09x+\n$/);
    expect(readFileSync(`${file}.1`, 'utf8')).toMatch(/^06x+\n07x+\n$/);
    expect(readFileSync(`${file}.2`, 'utf8')).toMatch(/^04x+\n05x+\n$/);
  });

  it('rotates the same way line by line as in one batch', async () => {
    const file = path.join(dir, 'nexus.log');
    const log = open({ file, maxBytes: 100, keep: 2 });
    for (let i = 0; i < 10; i++) {
      log.write(`${String(i).padStart(2, '0')}${'x'.repeat(37)}\n`);
      await log.flush();
    }
    expect(readFileSync(file, 'utf8')).toMatch(/^08x+\n09x+\n$/);
    expect(readFileSync(`${file}.2`, 'utf8')).toMatch(/^04x+\n05x+\n$/);
  });

  it('continues an existing file across restarts', async () => {
    const file = path.join(dir, 'nexus.log');
    const first = open({ file, maxBytes: 100 });
    first.write(`${'a'.repeat(79)}\n`);
    await first.close();
    const again = open({ file, maxBytes: 100 });
    again.write(`${'b'.repeat(39)}\n`);
    await again.flush();
    expect(readFileSync(file, 'utf8')).toBe(`${'b'.repeat(39)}\n`);
    expect(readFileSync(`${file}.1`, 'utf8')).toBe(`${'a'.repeat(79)}\n`);
  });

  it('bounds the buffer: lines past it are dropped and counted in the log', async () => {
    const file = path.join(dir, 'nexus.log');
    const log = open({ file, maxBufferBytes: 50 });
    for (let i = 0; i < 10; i++) {
      log.write(`${String(i)}${'x'.repeat(18)}\n`); // 20 bytes: two fit
    }
    await log.flush();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([`0${'x'.repeat(18)}`, `1${'x'.repeat(18)}`]);
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[2] ?? '')).toMatchObject({ level: 'warn', message: '8 log lines dropped: the log could not keep up' });
  });

  it('a disk error drops the batch without throwing; later lines are written again', async () => {
    const blocker = path.join(dir, 'blocker');
    await writeFile(blocker, 'a file where the log folder should be');
    const bad = open({ file: path.join(blocker, 'nexus.log') });
    expect(() => bad.write('lost\n')).not.toThrow();
    await expect(bad.flush()).resolves.toBeUndefined();
    await rm(blocker);
    bad.write('kept\n');
    await bad.flush();
    expect(readFileSync(path.join(blocker, 'nexus.log'), 'utf8')).toBe('kept\n');
  });

  it('flushSync writes what is buffered at once (exit paths)', () => {
    const file = path.join(dir, 'logs', 'nexus.log');
    const log = open({ file, maxBytes: 100, keep: 1 });
    log.write(`${'a'.repeat(79)}\n`);
    log.write(`${'b'.repeat(39)}\n`);
    log.flushSync();
    expect(readFileSync(file, 'utf8')).toBe(`${'b'.repeat(39)}\n`);
    expect(readFileSync(`${file}.1`, 'utf8')).toBe(`${'a'.repeat(79)}\n`);
  });

  it('writes what is buffered when the process exits, and close() stops listening', async () => {
    const file = path.join(dir, 'nexus.log');
    const before = process.listeners('exit').length;
    const log = createRotatingFileLog({ file });
    const added = process.listeners('exit').slice(before);
    expect(added).toHaveLength(1);
    log.write('said just before exit\n');
    (added[0] as (code: number) => void)(0);
    expect(readFileSync(file, 'utf8')).toBe('said just before exit\n');
    await log.close();
    expect(process.listeners('exit')).toHaveLength(before);
  });
});
