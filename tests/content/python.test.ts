import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeBlock } from './helpers';
import { codeBlocksOf, listHubMarkdown, readHub } from './helpers';

const PYTHON_LANGS = new Set(['python', 'py', 'python3']);

/** A block opts out of compiling when its fence info says it is a fragment. */
const isFragment = (block: CodeBlock): boolean => /\bfragment\b/.test(block.meta);

const blocks = listHubMarkdown()
  .flatMap((doc) => codeBlocksOf(doc, readHub(doc)))
  .filter((block) => PYTHON_LANGS.has(block.lang) && !isFragment(block));

/** Compiles each file with py_compile in one interpreter and returns `file -> error`. */
const COMPILE_ALL = [
  'import json, py_compile, sys',
  'errors = {}',
  'for path in sys.argv[1:]:',
  '    try:',
  '        py_compile.compile(path, cfile=path + "c", doraise=True)',
  '    except py_compile.PyCompileError as exc:',
  '        errors[path] = exc.msg',
  'print(json.dumps(errors))',
].join('\n');

let workDir = '';
let errors: Record<string, string> = {};
const fileFor = (index: number): string => join(workDir, `block_${index}.py`);

beforeAll(() => {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      "python3 is needed to compile the hub's ```python blocks but could not be run " +
        `(${probe.error?.message ?? probe.stderr}). Install it, e.g. apt-get install -y python3.`,
    );
  }
  workDir = mkdtempSync(join(tmpdir(), 'hub-python-'));
  blocks.forEach((block, index) => writeFileSync(fileFor(index), block.value, 'utf8'));
  if (blocks.length === 0) {
    return;
  }
  const run = spawnSync('python3', ['-c', COMPILE_ALL, ...blocks.map((_, i) => fileFor(i))], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`py_compile run failed: ${run.stderr}`);
  }
  errors = JSON.parse(run.stdout) as Record<string, string>;
});

afterAll(() => {
  if (workDir) {
    rmSync(workDir, { recursive: true, force: true });
  }
});

describe('python blocks in the hub', () => {
  test('the hub has python examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  blocks.forEach((block, index) => {
    test(`${block.doc}:${block.line} compiles`, () => {
      expect(errors[fileFor(index)] ?? '').toBe('');
    });
  });

  test('a broken block is caught', () => {
    const bad = join(workDir, 'broken.py');
    writeFileSync(bad, 'def f(:\n    pass\n', 'utf8');
    const run = spawnSync('python3', ['-m', 'py_compile', bad], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
  });
});
