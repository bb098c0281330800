import { describe, expect, it } from 'vitest';
import { normaliseRemoteUrl, repoKey } from '../../../src/core/sync/repoKey';

describe('normaliseRemoteUrl', () => {
  it.each([
    ['https://github.com/me/hub.git', 'github.com/me/hub'],
    ['https://user@GitHub.com:443/me/hub/', 'github.com/me/hub'],
    ['git@github.com:me/hub.git', 'github.com/me/hub'],
    ['ssh://git@github.com:22/me/hub.git', 'github.com/me/hub'],
    ['file:///srv/git/hub.git', '/srv/git/hub'],
    ['/srv/git/hub.git/', '/srv/git/hub'],
  ])('%s -> %s', (url, want) => {
    expect(normaliseRemoteUrl(url)).toBe(want);
  });

  it('keeps different repositories apart', () => {
    expect(normaliseRemoteUrl('git@github.com:me/hub.git')).not.toBe(normaliseRemoteUrl('git@github.com:me/other.git'));
    expect(normaliseRemoteUrl('https://gitlab.com/me/hub')).not.toBe(normaliseRemoteUrl('https://github.com/me/hub'));
  });

  it('keys a base by handle, remote and branch', () => {
    expect(repoKey('ada', 'git@github.com:me/hub.git', 'main')).toBe(repoKey('ada', 'https://github.com/me/hub', 'main'));
    expect(repoKey('ada', 'https://github.com/me/hub', 'main')).not.toBe(repoKey('ada', 'https://github.com/me/hub', 'dev'));
    expect(repoKey('ada', 'https://github.com/me/hub', 'main')).not.toBe(repoKey('bob', 'https://github.com/me/hub', 'main'));
  });
});
