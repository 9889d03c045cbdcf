/**
 * Which MLServer the release targets, and the load test before publishing. MLServer
 * itself cannot be installed here, so these run the notebook's real Python (found
 * through its kernelspec) against the stand-in `mlserver` package.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs } from '../helpers/fs.js';
import { commitCount, listFiles, newBareRepo, readFile } from '../helpers/git-repos.js';
import { createCustomRuntimeProject, withStandinMlserver } from '../helpers/mlserver-package.js';
import { createModelProject, writeArtifact } from '../helpers/model-project.js';

test.after(removeTempDirs);

const publish = (dir: string, repo: string, extra: string[] = [], env = withStandinMlserver()) =>
  cli(['publish', '--model-dir', dir, '--repo', repo, '--version', 'v1', ...extra], { env: baseEnv(env) });

test('the default MLServer line is the one the notebook\'s Python imports', async () => {
  const project = createModelProject({ description: 'an unknown top-level key' });
  writeArtifact(project);
  const on13 = await publish(project.dir, newBareRepo());
  assert.is(on13.code, 2, on13.stderr);
  assert.match(on13.stderr, 'checked as MLServer 1.3 reads them (mlserver 1.3.2 is installed beside the notebook)');
  assert.match(on13.stderr, 'description: unknown key; MLServer 1.3 refuses extra fields');

  const on17 = await publish(project.dir, newBareRepo(), ['--check-load', 'never'], withStandinMlserver('1.7.1'));
  assert.is(on17.code, 0, on17.stderr);
  assert.match(on17.stderr, 'unknown top-level key "description" is ignored by MLServer 1.7');

  const none = await publish(project.dir, newBareRepo(), [], {});
  assert.is(none.code, 0, none.stderr);
  assert.match(none.stderr, 'checked as MLServer 1.7 reads them (the default');
  assert.match(none.stderr, 'load check: skipped, mlserver is not importable by the notebook\'s Python (/usr/bin/python3)');
});

test('--mlserver-version wins over the detected line, and an unsupported one is exit 2', async () => {
  const project = createModelProject({ cache_enabled: true });
  writeArtifact(project);
  const explicit = await publish(project.dir, newBareRepo(), ['--mlserver-version', '1.3', '--check-load', 'never'], {});
  assert.is(explicit.code, 2);
  assert.match(explicit.stderr, 'cache_enabled: unknown key; MLServer 1.3 refuses');
  const fromEnv = await cli(['publish', '--model-dir', project.dir, '--repo', newBareRepo(), '--version', 'v1'], { env: baseEnv({ MLSERVER_RELEASE_MLSERVER_VERSION: '1.4' }) });
  assert.is(fromEnv.code, 0, fromEnv.stderr);
  const bad = await publish(project.dir, newBareRepo(), ['--mlserver-version', '2.0']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, '"2.0" is not a supported MLServer line: expected one of 1.3, 1.4, 1.5, 1.6, 1.7');
});

test('a custom runtime is published beside the settings and loaded, then answers the sample request', async () => {
  const project = createCustomRuntimeProject();
  const repo = newBareRepo();
  const run = await publish(project.dir, repo);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, 'publishing custom_runtime.py (the custom runtime custom_runtime.TextModel)');
  assert.match(run.stderr, /load check: tiny v1 loads and answers the sample request \(outputs: echo\)/);
  assert.ok(listFiles(repo).includes('models/tiny-v1/custom_runtime.py'));
  assert.match(readFile(repo, 'models/tiny-v1/custom_runtime.py'), 'class TextModel(MLModel)');
  assert.not.ok(existsSync(path.join(project.dir, '__pycache__')), 'the checks leave no bytecode in the model folder');
});

test('a model that fails to load exits 6 with MLServer\'s error and publishes nothing; --check-load never skips it', async () => {
  const project = createCustomRuntimeProject({}, 'broken weights');
  const repo = newBareRepo();
  const run = await publish(project.dir, repo);
  assert.is(run.code, 6, run.stderr);
  assert.match(run.stderr, 'MLServer cannot load(); nothing was published');
  assert.match(run.stderr, 'ValueError: weights are corrupt');
  assert.is(commitCount(repo), 1);

  const skipped = await publish(project.dir, repo, ['--check-load', 'never']);
  assert.is(skipped.code, 0, skipped.stderr);
  assert.is(commitCount(repo), 2);
});

test('a load that outlives --check-load-timeout exits 6', async () => {
  const project = createCustomRuntimeProject({}, 'slow weights');
  const repo = newBareRepo();
  const started = Date.now();
  const run = await publish(project.dir, repo, ['--check-load-timeout', '1']);
  assert.is(run.code, 6, run.stderr);
  assert.match(run.stderr, 'did not finish within 1s');
  assert.ok(Date.now() - started < 20_000, 'the check was stopped, not waited out');
  assert.is(commitCount(repo), 1);
});

test('--check-load always without an importable mlserver is exit 2', async () => {
  const project = createModelProject();
  writeArtifact(project);
  const run = await publish(project.dir, newBareRepo(), ['--check-load', 'always'], {});
  assert.is(run.code, 2);
  assert.match(run.stderr, '--check-load always needs mlserver importable by the notebook\'s Python (/usr/bin/python3)');
});

test('an implementation the notebook\'s Python imports must have the named attribute; a missing module only warns', async () => {
  const missingAttribute = createCustomRuntimeProject({ implementation: 'custom_runtime.NoSuchModel' });
  const run = await publish(missingAttribute.dir, newBareRepo());
  assert.is(run.code, 2, run.stderr);
  assert.match(run.stderr, 'module custom_runtime has no attribute "NoSuchModel"');

  const notInstalled = createModelProject({ implementation: 'no_such_pkg.Model' });
  writeArtifact(notInstalled);
  const warned = await publish(notInstalled.dir, newBareRepo(), ['--check-load', 'never']);
  assert.is(warned.code, 0, warned.stderr);
  assert.match(warned.stderr, 'module no_such_pkg is not installed beside the notebook');
});

test('the load check fails the way MLServer does when the implementation cannot be imported', async () => {
  const project = createModelProject({ implementation: 'no_such_pkg.Model' });
  writeArtifact(project);
  const run = await publish(project.dir, newBareRepo());
  assert.is(run.code, 6, run.stderr);
  assert.match(run.stderr, 'MLServer cannot import no_such_pkg.Model');
  assert.match(run.stderr, "ModuleNotFoundError: No module named 'no_such_pkg'");
});

test('a relative environment_tarball must exist and is published', async () => {
  const project = createModelProject({ parameters: { uri: './model.txt', environment_tarball: './env.tar.gz' } });
  writeArtifact(project);
  const repo = newBareRepo();
  const missing = await publish(project.dir, repo, [], {});
  assert.is(missing.code, 2);
  assert.match(missing.stderr, 'environment_tarball "./env.tar.gz" does not exist');
  writeFileSync(path.join(project.dir, 'env.tar.gz'), 'tarball bytes');
  const run = await publish(project.dir, repo, [], {});
  assert.is(run.code, 0, run.stderr);
  assert.is(readFile(repo, 'models/tiny-v1/env.tar.gz'), 'tarball bytes');
});

test.run();
