/**
 * Reading options as an attacker and a new user would hand them over (found in
 * an adversarial review): secrets in URLs and headers never echoed, numbers in
 * range, one version per --protect, reserved versions, the library's object
 * forms, and which home a process is in.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isActionRun } from '../src/action.js';
import { ReleaseError } from '../src/errors.js';
import { list, verify } from '../src/library.js';
import { optionsFromObject } from '../src/read-options.js';
import { baseEnv, cli } from './helpers/capture.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { newBareRepo } from './helpers/git-repos.js';
import { createModelProject, writeArtifact } from './helpers/model-project.js';

const reading = suite('reading options');
reading.after(removeTempDirs);

const SECRET = 'pwSECRET9xyz';

reading('a URL\'s credentials are never echoed, whichever URL option holds them', async () => {
  const project = createModelProject();
  const runs = [
    await cli(['verify', '--model-dir', project.dir, '--version', 'v1', '--verify-url', `http://admin:${SECRET}@127.0.0.1:9`, '--verify-timeout', '1']),
    await cli(['default', '--model', 'tiny', '--version', 'v1', '--repo', tempDir(), '--target', 'folder', '--reload-url', `ftp://admin:${SECRET}@127.0.0.1:9`]),
    await cli(['list', '--repo', 'https://ghpTOKEN1234abcd@github.com/acme/models.git', '--target', 's3']),
  ];
  for (const run of runs) {
    assert.is(run.code, 2, run.stderr);
    assert.not.match(run.stdout + run.stderr, SECRET);
    assert.not.match(run.stdout + run.stderr, 'ghpTOKEN1234abcd');
  }
  assert.match(runs[0].stderr, 'holds credentials: pass them as --verify-header');
});

reading('a malformed --verify-header shows no part of its value', async () => {
  const project = createModelProject();
  const run = await cli(['verify', '--model-dir', project.dir, '--version', 'v1', '--verify-url', 'http://127.0.0.1:9', '--verify-header', `Bearer sk_live_${SECRET}`]);
  assert.is(run.code, 2, run.stderr);
  assert.not.match(run.stderr, 'sk_live');
  assert.match(run.stderr, 'not of the form');
});

reading('seconds are decimal and within what a timer can wait; counts respect their minimum', async () => {
  const repo = newBareRepo();
  for (const value of ['0x10', '1e3', '2147484', '-1', 'abc']) {
    const run = await cli(['list', '--repo', repo, `--network-timeout=${value}`]);
    assert.is(run.code, 2, `${value}: ${run.stderr}`);
    assert.match(run.stderr, '--network-timeout must be a positive number of seconds');
  }
  assert.is((await cli(['list', '--repo', repo, '--network-timeout', '2.5'])).code, 0);
  const keep = await cli(['prune', '--repo', repo, '--keep', '0']);
  assert.is(keep.code, 2);
  assert.match(keep.stderr, '--keep must be a whole number of at least 1');
});

reading('--protect takes one version each, and a typo stops a real prune before anything is removed', async () => {
  const volume = tempDir('mlsr-volume-');
  const project = createModelProject();
  for (const version of ['v1', 'v2', 'v3']) {
    writeArtifact(project, version);
    assert.is((await cli(['publish', '--model-dir', project.dir, '--repo', volume, '--target', 'folder', '--version', version], { env: baseEnv({ MLSERVER_RELEASE_CHECK_LOAD: 'never' }) })).code, 0);
  }
  const comma = await cli(['prune', '--repo', volume, '--target', 'folder', '--keep', '1', '--protect', 'v1, v2', '--yes']);
  assert.is(comma.code, 2, comma.stderr);
  assert.match(comma.stderr, 'pass one per --protect');
  const typo = await cli(['prune', '--repo', volume, '--target', 'folder', '--keep', '1', '--protect', 'v7', '--yes']);
  assert.is(typo.code, 2, typo.stderr);
  assert.match(typo.stderr, '--protect v7 matches no published version');
  const listed = JSON.parse((await cli(['list', '--repo', volume, '--target', 'folder', '--json'])).stdout);
  assert.equal(listed.models[0].versions.map((v: { version: string }) => v.version), ['v1', 'v2', 'v3'], 'nothing was removed');
});

reading('"newest" is not a version anyone may publish', async () => {
  const project = createModelProject();
  writeArtifact(project);
  const run = await cli(['publish', '--model-dir', project.dir, '--repo', tempDir(), '--target', 'folder', '--version', 'newest'], { env: baseEnv({ MLSERVER_RELEASE_CHECK_LOAD: 'never' }) });
  assert.is(run.code, 2, run.stderr);
  assert.match(run.stderr, '"newest" is reserved');
});

reading('the library takes objects where they are natural, refuses what is not an object, and never echoes a secret', async () => {
  assert.equal(optionsFromObject('verify', { verifyUrl: 'http://m', verifyHeaders: { Authorization: 'Bearer x' } }, {}).verifyHeaders, ['Authorization: Bearer x']);
  for (const call of [() => list(null as never), () => list({ token: [`ghp${SECRET}`] } as never), () => verify('x' as never)]) {
    try {
      await call();
      assert.unreachable('refused');
    } catch (error) {
      assert.instance(error, ReleaseError);
      assert.is((error as ReleaseError).exitCode, 2);
      assert.not.match((error as Error).message, SECRET);
    }
  }
});

reading('arguments mean the command line, even where another action left INPUT_* variables', () => {
  const env = { GITHUB_ACTIONS: 'true', INPUT_COMMAND: 'npx mlserver-release list', INPUT_SCRIPT: 'x' };
  assert.ok(isActionRun(env, []), 'no arguments and a command input: a `uses:` step');
  assert.not.ok(isActionRun(env, ['list', '--json']));
  assert.not.ok(isActionRun({ GITHUB_ACTIONS: 'true', INPUT_SCRIPT: 'x' }, []), 'no command input: not our Action');
});

reading('on GitHub, --json keeps stdout to the JSON: groups, annotations and masks go to stderr', async () => {
  const repo = newBareRepo();
  const run = await cli(['list', '--repo', repo, '--token', `ghp_${SECRET}`, '--json'], { env: baseEnv({ GITHUB_ACTIONS: 'true' }) });
  assert.is(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).models, []);
  assert.match(run.stderr, `::add-mask::ghp_${SECRET}`);
});

reading('`help <command>` shows that command\'s help', async () => {
  const run = await cli(['help', 'promote']);
  assert.is(run.code, 0);
  assert.match(run.stdout, '--from-target');
  assert.not.match(run.stdout, '--notebook');
});

reading.run();
