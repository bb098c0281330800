import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { StudyPage } from './pages/StudyPage';
import { SyncPage } from './pages/SyncPage';

/** Test-side git (not the app's runner), with an identity so CI machines without one work. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=E2E Seed', '-c', 'user.email=seed@example.test', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
}

/** A bare "remote" seeded with one commit, and a clone of it with a repo-local identity. */
async function repos(): Promise<{ base: string; bare: string; clone: string }> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'nexus-e2e-sync-'));
  const bare = path.join(base, 'remote.git');
  const clone = path.join(base, 'clone');
  git(base, 'init', '-q', '--bare', bare);
  git(base, 'clone', '-q', bare, clone);
  await writeFile(path.join(clone, 'README.md'), '# My hub\n');
  git(clone, 'add', 'README.md');
  git(clone, 'commit', '-q', '-m', 'seed');
  git(clone, 'push', '-q', 'origin', 'HEAD:main');
  git(clone, 'config', 'user.name', 'E2E Learner');
  git(clone, 'config', 'user.email', 'learner@example.test');
  return { base, bare, clone };
}

/** The step rows are exactly `expected`, in that order, each in its state and with its detail. */
async function expectSteps(sync: SyncPage, expected: Array<[step: string, state: string, detail: string | RegExp]>): Promise<void> {
  await expect(sync.steps.locator('li[data-step]')).toHaveCount(expected.length);
  expect(await sync.steps.locator('li[data-step]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-step')))).toEqual(expected.map(([step]) => step));
  for (const [step, state, detail] of expected) {
    await expect(sync.step(step)).toHaveAttribute('data-state', state);
    await expect(sync.step(step)).toContainText(detail);
  }
}

test.describe('sync from the UI to a bare repo', () => {
  test.use({ hubRoot: path.join(projectRoot, 'tests/fixtures/hubs/oddities') });

  test('write a note, mark a topic done, connect the repo, Sync now: steps, summary, log, and the commit has the files', async ({ page, app }) => {
    const { base, bare, clone } = await repos();
    try {
      const study = new StudyPage(page);
      const sync = new SyncPage(page);
      await page.goto(`${app.url}#/read/docs%2Fguide.md/setup`);
      await expect(study.toolbar).toContainText('Setup');
      await study.notesPane.getByRole('button', { name: 'New note' }).click();
      await study.notesPane.getByLabel('Note title').fill('Setup reminders');
      await study.typeNote('Use a **virtualenv** for quokkaquux');
      await expect(study.notesPane.getByRole('status')).toHaveText('Saved');
      await study.stateButton('Done').click();
      await expect(study.stateButton('Done')).toHaveAttribute('aria-pressed', 'true');

      await sync.openSettings();
      await sync.connect(clone, 'ada');
      await expect(sync.facts).toContainText('main');
      await expect(sync.facts).toContainText(`origin — ${bare}`);
      await expect(page.getByRole('status').filter({ hasText: 'Repository saved.' })).toBeVisible();

      await sync.syncNow.click();
      await expect(sync.panel).toBeVisible();
      await expect(sync.panel.getByRole('status')).toHaveText('Synced: 1 note up, 0 down, 1 topic merged.');
      // The steps in the order they run (SYNC_STEPS). A first sync of this database with the repo
      // still merges and imports (what the repo has comes first), so neither is skipped.
      await expectSteps(sync, [
        ['check', 'done', 'main -> origin'],
        ['export', 'done', '1 notes, 1 topics, first sync of this database with this repo'],
        ['fetch', 'done', /[0-9a-f]{10}/],
        ['merge', 'done', '0 down, 1 up, 0 conflict copies'],
        ['commit', 'done', /[0-9a-f]{10}/],
        ['import', 'done', '0 notes, 0 topics'],
        ['push', 'done', /[0-9a-f]{10}/],
      ]);
      await expect(sync.syncNow).toHaveText('Sync now');

      // The bare repo's commit holds the note and the progress.
      const files = git(base, '--git-dir', bare, 'ls-tree', '-r', '--name-only', 'main').split('\n');
      expect(files).toContain('.nexus/ada/notes/docs/guide.md/setup.md');
      expect(files).toContain('.nexus/ada/progress.json');
      const note = git(base, '--git-dir', bare, 'show', 'main:.nexus/ada/notes/docs/guide.md/setup.md');
      expect(note).toContain('title: Setup reminders');
      expect(note).toContain('topic: docs/guide.md#setup');
      expect(note).toContain('Use a **virtualenv** for quokkaquux');
      const progress = JSON.parse(git(base, '--git-dir', bare, 'show', 'main:.nexus/ada/progress.json')) as { topics: Record<string, { state: string }> };
      expect(progress.topics['docs/guide.md#setup']?.state).toBe('done');
      const [author = '', subject = ''] = git(base, '--git-dir', bare, 'log', '-1', '--format=%an%n%s', 'main').split('\n');
      expect(author).toBe('E2E Learner');
      expect(subject).toMatch(/^nexus\(ada\): sync from .+ — 1 note changed, 1 topic of progress$/);

      // The shortcut syncs again: nothing new.
      await page.keyboard.press('Control+Shift+S');
      await expect(sync.panel.getByRole('status')).toHaveText('Synced: Already up to date.');
      await expectSteps(sync, [
        ['check', 'done', 'main -> origin'],
        ['export', 'done', '1 notes, 1 topics'],
        ['fetch', 'done', /[0-9a-f]{10}/],
        ['merge', 'done', '0 down, 0 up, 0 conflict copies'],
        ['commit', 'skipped', 'nothing new here'],
        ['import', 'done', '0 notes, 0 topics'],
        ['push', 'skipped', 'the repo already has everything'],
      ]);
      await expect(sync.step('export')).not.toContainText('first sync');

      // The sync log lists both syncs, newest first.
      await sync.panel.getByRole('button', { name: 'Sync log' }).click();
      await expect(sync.log.getByRole('listitem')).toHaveCount(2);
      await expect(sync.log.getByRole('listitem').first()).toContainText('Already up to date');
      await expect(sync.log.getByRole('listitem').nth(1)).toContainText('1 note up, 0 down, 1 topic merged');
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  test('errors say what to do: not configured, not a repository', async ({ page, app }) => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'nexus-e2e-sync-'));
    try {
      const sync = new SyncPage(page);
      await page.goto(`${app.url}#/read/docs%2Fguide.md/setup`);
      await sync.syncNow.click();
      await expect(sync.panel.getByRole('alert')).toContainText('Choose your repository in Settings > Repository first.');
      await expect(sync.step('check')).toHaveAttribute('data-state', 'failed');
      await expect(sync.step('push')).toHaveAttribute('data-state', 'not-run');
      await sync.panel.getByRole('button', { name: 'Open Settings › Repository' }).click();
      await expect(page).toHaveURL(/#\/settings$/);
      await sync.connect(base, 'ada');
      await expect(page.getByRole('alert').filter({ hasText: 'This folder is not a git repository.' })).toBeVisible();
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
