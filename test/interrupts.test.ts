/**
 * Interrupted runs, with the real bundle in its own process: SIGTERM or SIGINT
 * during training stops the notebook's whole process group, removes what the run
 * made, and exits 143 or 130. Leftovers of a killed run are cleaned later.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from './helpers/capture.js';
import { runBundle, waitFor } from './helpers/bundle.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { commitCount, newBareRepo } from './helpers/git-repos.js';
import { createModelProject, writeArtifact } from './helpers/model-project.js';

test.after(removeTempDirs);

/** Kernels started by this run: they inherit the run's environment, which carries `marker`. */
function kernelsOf(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('ipykernel_launcher') && readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`MLSR_TEST_RUN=${marker}`)) found.push(pid);
    } catch {
      // gone
    }
  }
  return found;
}

for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
  test(`${signal} during training stops the notebook and its kernel, removes the injected copy, exits ${code}`, async () => {
    const project = createModelProject();
    const repo = newBareRepo();
    const marker = `${signal}-${process.pid}-${Date.now()}`;
    const run = runBundle(['release', '--model-dir', project.dir, '--repo', repo, '--version', 'v1', '--runner', 'nbconvert', '--param', 'sleep_seconds=60'],
      baseEnv({ MLSR_TEST_RUN: marker, MLSERVER_RELEASE_NOTEBOOK_ENV: 'MLSR_TEST_RUN' }));
    await waitFor(() => /cell \d+ of \d+: import time/.test(run.stderr()), 60_000, 'the sleeping cell');
    await waitFor(() => kernelsOf(marker).length > 0, 10_000, 'the kernel');
    run.child.kill(signal);
    const result = await run.done;
    assert.is(result.code, code, result.stderr);
    assert.match(result.stderr, `${signal} received`);
    await waitFor(() => kernelsOf(marker).length === 0, 5_000, 'the kernel to end');
    assert.not.ok(existsSync(path.join(project.dir, '.tiny.mlserver-release-input.ipynb')), 'the injected copy is removed');
    assert.is(commitCount(repo), 1, 'nothing was published');
  });
}

test('a folder target\'s stale staging folders are removed by the next publish and reported by list', async () => {
  const volume = tempDir('mlsr-volume-');
  const stale = path.join(volume, 'models', '.mlserver-release-staging-tiny-v0-dead');
  const fresh = path.join(volume, 'models', '.mlserver-release-staging-tiny-v9-live');
  mkdirSync(stale, { recursive: true });
  const hourAgo = new Date(Date.now() - 3600_000);
  utimesSync(stale, hourAgo, hourAgo);
  const listed = await cli(['list', '--repo', volume, '--target', 'folder']);
  assert.is(listed.code, 0, listed.stderr);
  assert.match(listed.stderr, `${stale} was left by an interrupted run 60 min ago`);
  mkdirSync(fresh);
  const project = createModelProject();
  writeArtifact(project);
  const run = await cli(['publish', '--model-dir', project.dir, '--repo', volume, '--target', 'folder', '--version', 'v1']);
  assert.is(run.code, 0, run.stderr);
  assert.not.ok(existsSync(stale), 'the stale folder is gone');
  assert.ok(existsSync(fresh), 'a folder a live run may still be writing is kept');
});

test.run();
