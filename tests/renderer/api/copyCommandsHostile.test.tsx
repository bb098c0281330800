/**
 * Hostile values in "Copy as curl / HTTPie": each command is run by a real bash with `curl` and
 * `http` replaced by functions that print their arguments, so quoting, option injection and the
 * tools' own file-reading syntaxes (`@file`, `<file`, `=@`, `:@`) are checked as the shell sees them.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type CommandRequest, commandFor } from '../../../src/renderer/src/components/api/TryIt';

/** The argv the tool would get, one per entry. */
function argvOf(command: string): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\nhttp() { printf '%s\\0' "$@"; }\n${command}\n`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
  return out.split('\0').slice(0, -1);
}

const NASTY = `a'b"c $(touch /tmp/pwned-nexus) \`id\` \n; rm -rf ~ \\ $HOME`;

describe('copied commands with hostile values', () => {
  it('curl and HTTPie pass quotes, $(), backticks and newlines through as data, never run them', () => {
    const r: CommandRequest = {
      method: 'POST',
      url: `http://x/a/${NASTY}`,
      headers: { 'X-Note': NASTY },
      body: `{"n":${JSON.stringify(NASTY)}}`,
    };
    const curl = argvOf(commandFor('curl', r));
    expect(curl).toContain(`X-Note: ${NASTY}`);
    expect(curl.some((a) => a.includes(`http://x/a/${NASTY}`))).toBe(true);
    expect(curl).toContain(r.body);
    const http = argvOf(commandFor('httpie', { ...r, body: '' }));
    expect(http.some((a) => a.includes(`http://x/a/${NASTY}`))).toBe(true);
  });

  it('curl never reads a local file because a body or a form value starts with @ or <', () => {
    const body = argvOf(commandFor('curl', { method: 'POST', url: 'http://x/', headers: {}, body: '@/etc/passwd' }));
    // `--data @file` sends the file; `--data-raw` sends the text.
    expect(body).toContain('--data-raw');
    const fields = [
      { name: 'note', required: true, type: 'string', file: false, value: '@/etc/passwd' },
      { name: 'other', required: true, type: 'string', file: false, value: '</home/me/.ssh/id_rsa' },
    ];
    const multipart = argvOf(commandFor('curl', { method: 'POST', url: 'http://x/', headers: {}, body: '', kind: 'multipart', fields }));
    // `-F name=@file` uploads the file and `-F name=<file` sends its content; `--form-string` sends the text.
    expect(multipart).not.toContain('-F');
    expect(multipart.filter((a) => a === '--form-string')).toHaveLength(2);
    expect(multipart).toContain('note=@/etc/passwd');
  });

  it('a server URL that starts with a dash is not read by curl or HTTPie as an option', () => {
    const r: CommandRequest = { method: 'GET', url: '-o/tmp/nexus-overwritten/x', headers: {}, body: '' };
    const curl = argvOf(commandFor('curl', r));
    expect(curl[curl.indexOf('-o/tmp/nexus-overwritten/x') - 1]).toBe('--url');
    const http = argvOf(commandFor('httpie', r));
    expect(http.indexOf('--')).toBeGreaterThanOrEqual(0);
    expect(http.indexOf('--')).toBeLessThan(http.indexOf('-o/tmp/nexus-overwritten/x'));
  });

  it('HTTPie items escape its separators: a value starting with @ is text, not a file; a name with = or : stays one field', () => {
    const fields = [
      { name: 'note', required: true, type: 'string', file: false, value: '@/etc/passwd' },
      { name: 'a=b:c', required: true, type: 'string', file: false, value: 'x' },
    ];
    const form = argvOf(
      commandFor('httpie', { method: 'POST', url: 'http://x/', headers: { 'X-Key': '@/etc/passwd' }, body: '', kind: 'form', fields }),
    );
    expect(form).toContain('note=\\@/etc/passwd');
    expect(form).toContain('a\\=b\\:c=x');
    expect(form).toContain('X-Key:\\@/etc/passwd');
  });
});
