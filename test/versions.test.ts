import semver from 'semver';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareVersions, newestVersion, semverOf } from '../src/versions.js';

test('tags are read as semver with the documented coercion', () => {
  assert.is(semverOf('v1.2.3'), '1.2.3');
  assert.is(semverOf('V1.2.3-rc.1+build.5'), '1.2.3-rc.1', 'build metadata does not order versions');
  assert.is(semverOf('v1'), '1.0.0');
  assert.is(semverOf('1.2'), '1.2.0');
  assert.is(semverOf('v1-rc.1'), '1.0.0-rc.1');
  assert.is(semverOf('release-7'), undefined);
});

test('pre-release order is semver\'s, where a hand-written comparison went wrong', () => {
  const cases: Array<[string, string]> = [['1.0.0-Alpha', '1.0.0-alpha'], ['1.0.0-alpha.1', '1.0.0-alpha-1'], ['1.0.0-alpha.2', '1.0.0-alpha.10'], ['1.0.0-rc.1', '1.0.0']];
  for (const [a, b] of cases) {
    assert.is(Math.sign(compareVersions(a, b)), Math.sign(semver.compare(a, b)), `${a} vs ${b}`);
    assert.ok(compareVersions(a, b) < 0, `${a} before ${b}`);
  }
});

test('newest is semver\'s newest; versions without a semver reading sort after, in natural order', () => {
  assert.is(newestVersion(['v1.0.9', 'v1.0.10', 'v1.0.2']), 'v1.0.10');
  assert.equal(['build-10', 'v2', 'build-7', 'v1.5'].sort(compareVersions), ['v1.5', 'v2', 'build-7', 'build-10']);
});

test.run();
