import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { removeTempDirs, tempDir } from './helpers/fs.js';

test.after(removeTempDirs);

test('the committed dist/index.js is exactly what a fresh build produces', () => {
  const fresh = path.join(tempDir(), 'index.js');
  execFileSync('node', ['scripts/build.mjs', '--outfile', fresh]);
  const committed = readFileSync('dist/index.js', 'utf8');
  assert.ok(committed === readFileSync(fresh, 'utf8'), 'dist/ is stale: run `npm run build` and commit dist/');
});

test('importing the bundle exposes the library and runs nothing', async () => {
  const lib = await import('../dist/index.js');
  assert.type(lib.release, 'function');
  assert.type(lib.ReleaseError, 'function');
  assert.is(lib.EXIT.notebook, 3);
});

test('the bundle runs as a CLI', () => {
  const out = execFileSync('node', ['dist/index.js', '--help'], { encoding: 'utf8' });
  assert.match(out, 'mlserver-release release [options]');
});

test.run();
