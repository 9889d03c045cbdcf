import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { createModelProject, writeArtifact } from './helpers/model-project.js';

test.after(removeTempDirs);

test('the committed dist/index.js is exactly what a fresh build produces', () => {
  const fresh = path.join(tempDir(), 'index.js');
  execFileSync('node', ['scripts/build.mjs', '--outfile', fresh]);
  const committed = readFileSync('dist/index.js', 'utf8');
  assert.ok(committed === readFileSync(fresh, 'utf8'), 'dist/ is stale: run `npm run build` and commit dist/');
});

test('importing the bundle exposes the library and runs nothing', async () => {
  const lib = await import('../dist/index.js');
  for (const verb of ['release', 'publish', 'promote', 'setDefault', 'rollout', 'verify', 'list', 'prune']) assert.type((lib as Record<string, unknown>)[verb], 'function', verb);
  assert.type(lib.ReleaseError, 'function');
  assert.is(lib.EXIT.notebook, 3);
});

test('the bundle runs as a CLI', () => {
  const out = execFileSync('node', ['dist/index.js', '--help'], { encoding: 'utf8' });
  assert.match(out, 'mlserver-release release [options]');
});

test('the bundle runs under Deno (the deno npm package): --help, and a folder publish', () => {
  const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_DIR: path.join(tempDir(), 'deno'), NO_COLOR: '1' };
  const deno = (args: string[]) => execFileSync(path.resolve('node_modules/.bin/deno'), ['run', '-A', path.resolve('dist/index.js'), ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.match(deno(['promote', '--help']), '--from-target git|folder|s3');
  const project = createModelProject();
  writeArtifact(project);
  const served = tempDir();
  const out = deno(['publish', '--model-dir', project.dir, '--target', 'folder', '--repo', served, '--version', 'v1', '--check-load', 'never', '--json']);
  assert.is(JSON.parse(out).folder, 'models/tiny-v1');
  assert.is(readFileSync(path.join(served, 'models/tiny-v1/model.txt'), 'utf8'), readFileSync(path.join(project.dir, 'model.txt'), 'utf8'));
});

test.run();
