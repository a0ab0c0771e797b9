import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/policy/appOrigin';

describe('isAppUrl compares parsed origins, not prefixes', () => {
  it.each([
    [APP_ENTRY_URL, true],
    ['app://bundle/', true],
    ['app://bundle', true],
    ['app://bundle/assets/index-abc123.js', true],
    ['app://bundle/runbooks/bundled/db.md?x=1#step-2', true],
    ['app://BUNDLE/index.html', true],
    ['APP://bundle/index.html', true],
    ['app://bundle.evil.example/index.html', false],
    ['app://bundle@evil.example/index.html', false],
    ['app://user@bundle/index.html', false],
    ['app://user:pw@bundle/index.html', false],
    ['app://bundle:8080/index.html', false],
    ['app://evil.example/bundle/index.html', false],
    ['app:///bundle/index.html', false],
    ['app:bundle/index.html', false],
    ['app://other/index.html', false],
    ['https://bundle/index.html', false],
    ['http://app.bundle/', false],
    ['file:///app/bundle/index.html', false],
    ['javascript:alert(1)//app://bundle/', false],
    ['data:text/html,app://bundle/', false],
    ['about:blank', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['', false],
    ['app://bundle\\evil', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});
