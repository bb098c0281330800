import { describe, expect, it } from 'vitest';
import { type ConfigEntry, parseConfigList, planGuard, unsafeConfigError } from '../../../src/backend/git/configGuard';
import { MAX_DETAIL, MAX_MESSAGE, SyncError, bound, classifyRemoteError, firstErrorLine } from '../../../src/backend/git/gitErrors';
import { GitRunner, SAFE_FLAGS } from '../../../src/backend/git/gitRunner';

const local = (key: string, value: string | null, origin = 'file:.git/config'): ConfigEntry => ({ scope: 'local', origin, key, value });
const global = (key: string, value: string): ConfigEntry => ({ scope: 'global', origin: 'file:/home/l/.gitconfig', key, value });
const system = (key: string, value: string): ConfigEntry => ({ scope: 'system', origin: 'file:/etc/gitconfig', key, value });

describe('parseConfigList', () => {
  it('reads scope, origin, key and value, a bare key and a value with newlines', () => {
    const raw =
      'global\0file:/h/.gitconfig\0user.name\nAda\0local\0file:.git/config\0flag.bare\0local\0file:/x/inc.cfg\0filter.Evil.clean\nrun\nthis\0';
    expect(parseConfigList(raw)).toEqual([
      { scope: 'global', origin: 'file:/h/.gitconfig', key: 'user.name', value: 'Ada' },
      { scope: 'local', origin: 'file:.git/config', key: 'flag.bare', value: null },
      { scope: 'local', origin: 'file:/x/inc.cfg', key: 'filter.Evil.clean', value: 'run\nthis' },
    ]);
  });
});

describe('planGuard', () => {
  it('blanks the repo filters (and makes them not required) unless the learner defines the same key', () => {
    const g = planGuard([
      global('filter.lfs.smudge', 'git-lfs smudge -- %f'),
      global('filter.lfs.required', 'true'),
      local('filter.lfs.smudge', '/evil smudge'),
      local('filter.Evil.clean', '/evil clean'),
      local('filter.Evil.process', '/evil process'),
      local('filter.Evil.required', 'true'),
    ]);
    expect(g.overrides).toEqual([
      ['filter.lfs.smudge', 'git-lfs smudge -- %f'],
      ['filter.Evil.clean', ''],
      ['filter.Evil.process', ''],
      ['filter.Evil.required', 'false'],
    ]);
    expect(g.refused).toEqual([]);
  });

  it('fails merge drivers and puts back gpg programs', () => {
    const g = planGuard([
      local('merge.npm.driver', 'npx evil %A'),
      local('gpg.program', '/evil'),
      local('gpg.x509.program', '/evil'),
      local('gpg.ssh.program', '/evil'),
      global('gpg.program', '/usr/local/bin/gpg2'),
    ]);
    expect(g.overrides).toEqual([
      ['merge.npm.driver', 'false'],
      ['gpg.program', '/usr/local/bin/gpg2'],
      ['gpg.x509.program', 'gpgsm'],
      ['gpg.ssh.program', 'ssh-keygen'],
    ]);
  });

  it("clears the credential helpers and adds back the learner's own, generic and per URL, in order", () => {
    const g = planGuard([
      system('credential.helper', 'manager'),
      global('credential.https://github.com.helper', ''),
      global('credential.https://github.com.helper', '!gh auth git-credential'),
      local('credential.helper', '!evil'),
      local('credential.https://example.com.helper', '!evil-url', 'file:/x/inc.cfg'),
    ]);
    expect(g.overrides).toEqual([
      ['credential.helper', ''],
      ['credential.helper', 'manager'],
      ['credential.https://github.com.helper', ''],
      ['credential.https://github.com.helper', '!gh auth git-credential'],
    ]);
    expect(g.neutralised).toEqual(['credential.helper', 'credential.https://example.com.helper']);
  });

  it('touches nothing when only the learner configures programs', () => {
    expect(
      planGuard([system('credential.helper', 'manager'), global('filter.lfs.clean', 'git-lfs clean'), global('core.gitproxy', 'proxy')]),
    ).toEqual({ overrides: [], neutralised: [], refused: [] });
  });

  it('refuses core.gitProxy, core.alternateRefsCommand and remote.<name>.vcs from the repo (worktree config too)', () => {
    const g = planGuard([
      local('core.gitproxy', '/evil'),
      { scope: 'worktree', origin: 'file:.git/config.worktree', key: 'core.alternaterefscommand', value: '/evil' },
      local('remote.origin.vcs', 'evil', 'file:/x/inc.cfg'),
    ]);
    expect(g.refused.map((r) => r.key)).toEqual(['core.gitproxy', 'core.alternaterefscommand', 'remote.origin.vcs']);
    const e = unsafeConfigError(g.refused);
    expect(e.code).toBe('unsafe-config');
    expect(e.message).toContain('core.gitproxy, core.alternaterefscommand, remote.origin.vcs (in .git/config)');
    expect(e.message).toContain('git config --file .git/config --unset-all core.gitproxy');
    expect(e.detail).toContain('git config --file /x/inc.cfg --unset-all remote.origin.vcs');
    expect(e.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
  });
});

describe('the runner command line', () => {
  const runner = new GitRunner();
  const line = (args: string[]): string[] => runner.commandLine(args, { cwd: '/' }).args;

  it('adds the safe flags right after the subcommand, for every network and diff command', () => {
    const cases: Array<[string[], string[]]> = [
      [
        ['fetch', '--no-tags', 'origin', '+refs/heads/main:refs/remotes/origin/main'],
        ['fetch', '--upload-pack=git-upload-pack', '--no-tags', 'origin'],
      ],
      [
        ['pull', 'origin'],
        ['pull', '--upload-pack=git-upload-pack', '--no-verify-signatures', 'origin'],
      ],
      [
        ['ls-remote', 'origin'],
        ['ls-remote', '--upload-pack=git-upload-pack', 'origin'],
      ],
      [
        ['clone', '--', 'url', 'dest'],
        ['clone', '--upload-pack=git-upload-pack', '--', 'url'],
      ],
      [
        ['push', '--porcelain', 'origin', 'a:b'],
        ['push', '--receive-pack=git-receive-pack', '--porcelain', 'origin'],
      ],
      [
        ['diff-tree', '-r', 'a', 'b'],
        ['diff-tree', '--no-textconv', '--no-ext-diff', '-r'],
      ],
      [
        ['log', '-1', 'HEAD'],
        ['log', '--no-textconv', '--no-ext-diff', '--no-show-signature', '-1'],
      ],
      [
        ['merge', '--ff-only', 'x'],
        ['merge', '--no-verify-signatures', '--ff-only'],
      ],
    ];
    for (const [args, expected] of cases) {
      const argv = line(args);
      const at = argv.indexOf(args[0] ?? '');
      expect(argv.slice(at, at + expected.length)).toEqual(expected);
      expect(argv[0]).toBe('--no-pager');
    }
    expect(Object.keys(SAFE_FLAGS)).toEqual(expect.arrayContaining(['fetch', 'push', 'ls-remote', 'clone', 'pull']));
  });

  it('puts the hardening before the subcommand and refuses arguments that would undo it', () => {
    const argv = line(['rev-parse', 'HEAD']);
    expect(argv.slice(0, argv.indexOf('rev-parse'))).toEqual(
      expect.arrayContaining([
        '-c',
        'core.hooksPath=/dev/null',
        'core.fsmonitor=false',
        'protocol.ext.allow=never',
        'commit.gpgSign=false',
      ]),
    );
    expect(() => line(['fetch', '--upload-pack=/evil', 'origin'])).toThrow(/would undo/);
    expect(() => line(['fetch', '--upload=/evil', 'origin'])).toThrow(/would undo/);
    expect(() => line(['push', '--exec', '/evil', 'origin'])).toThrow(/would undo/);
    expect(() => line(['clone', '-u', '/evil', 'url'])).toThrow(/would undo/);
    expect(() => line(['log', '--show-signature'])).toThrow(/would undo/);
    expect(() => line(['-C', '/elsewhere', 'fetch'])).toThrow(/subcommand comes first/);
    // After `--` an argument is a path, not an option; push -u (set upstream) is not clone -u.
    expect(() => line(['diff-tree', '--', '--textconv'])).not.toThrow();
    expect(() => line(['fetch', '-u', 'origin'])).not.toThrow();
  });

  it('keeps no-program environment values: editor, pager, askpass, replace refs', () => {
    const { env } = runner.commandLine(['status'], { cwd: '/' });
    expect(env).toMatchObject({
      GIT_EDITOR: ':',
      GIT_SEQUENCE_EDITOR: ':',
      GIT_PAGER: 'cat',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      GIT_TERMINAL_PROMPT: '0',
      GIT_NO_REPLACE_OBJECTS: '1',
    });
    expect(env['GIT_SSH_COMMAND']).toBeTruthy();
  });
});

describe('what the learner reads is bounded and says what went wrong', () => {
  it('classifies a missing remote repository apart from being offline', () => {
    expect(
      classifyRemoteError(
        "fatal: '/tmp/nope.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
      ),
    ).toBe('remote-not-found');
    expect(classifyRemoteError("remote: Repository not found.\nfatal: repository 'https://github.com/a/b.git/' not found\n")).toBe(
      'remote-not-found',
    );
    expect(classifyRemoteError("fatal: unable to access 'https://h/x.git/': The requested URL returned error: 404\n")).toBe(
      'remote-not-found',
    );
    expect(classifyRemoteError("fatal: unable to access 'https://h/x.git/': Could not resolve host: h\n")).toBe('offline');
    expect(classifyRemoteError('git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n')).toBe(
      'auth-failed',
    );
  });

  it('keeps the fatal/error line, bounded, without control characters', () => {
    expect(firstErrorLine('warning: x\nfatal: the real problem\n')).toBe('fatal: the real problem');
    expect(firstErrorLine('\n\nremote: hello\n')).toBe('remote: hello');
    const long = firstErrorLine(`fatal: ${'x'.repeat(100_000)}\n`);
    expect(long.length).toBe(MAX_DETAIL);
    expect(long.endsWith('…')).toBe(true);
    expect(bound('remote: \u001b[31mred\u001b[0m\u0000!', 100)).toBe('remote: red!');
    const e = new SyncError('git-failed', 'm'.repeat(689_000), 'd'.repeat(10_000));
    expect(e.message.length).toBe(MAX_MESSAGE);
    expect(e.detail.length).toBe(MAX_DETAIL);
  });
});
