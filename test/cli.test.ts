import { symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { envName, HELP, OPTIONS, parseCli } from '../src/cli.js';
import { baseEnv, cli } from './helpers/capture.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { commitCount, newBareRepo } from './helpers/git-repos.js';
import { createModelProject, writeArtifact } from './helpers/model-project.js';

test.after(removeTempDirs);

test('--help explains every option and exit code', async () => {
  const run = await cli(['--help']);
  assert.is(run.code, 0);
  for (const { name } of OPTIONS) assert.match(run.stdout, `--${name}`);
  for (const code of ['0', '1', '2', '3', '4', '5']) assert.match(HELP, new RegExp(`^  ${code}  `, 'm'));
});

test('--version alone prints the tool version; with a value it is the release version', async () => {
  const run = await cli(['--version']);
  assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
  const parsed = parseCli(['release', '--version', 'v2'], {});
  assert.ok(parsed.kind === 'run');
  if (parsed.kind === 'run' && parsed.command === 'release') assert.is(parsed.options.version, 'v2');
});

test('every option can come from MLSERVER_RELEASE_<OPTION>, and a flag wins', () => {
  const env = { [envName('models-path')]: 'deploy/models', [envName('dry-run')]: 'true', [envName('param')]: 'a=1\nb=2', [envName('branch')]: 'env-branch' };
  const parsed = parseCli(['release', '--branch', 'flag-branch'], env);
  assert.ok(parsed.kind === 'run');
  if (parsed.kind !== 'run' || parsed.command !== 'release') return;
  const options = parsed.options;
  assert.is(options.modelsPath, 'deploy/models');
  assert.is(options.dryRun, true);
  assert.equal(options.params, ['a=1', 'b=2']);
  assert.is(options.branch, 'flag-branch');
});

test('publish is release with --runner none', () => {
  const parsed = parseCli(['publish'], {});
  assert.ok(parsed.kind === 'run');
  // publish runs release with runner none (src/commands/index.ts): it takes no --runner of its own.
  if (parsed.kind === 'run') assert.is((parsed.options as { runner?: string }).runner, undefined);
  // --runner belongs to release only.
  assert.throws(() => parseCli(['publish', '--runner', 'nbconvert'], {}), /Unknown option '--runner'/);
});

test('unknown options and commands are usage errors (exit 2)', async () => {
  for (const argv of [['release', '--nope'], ['deploy'], []]) {
    const run = await cli(argv);
    assert.is(run.code, 2, argv.join(' '));
    assert.match(run.stderr, 'mlserver-release --help');
  }
});

/** Each bad input: exit 2, a message naming the problem, and no commit on the remote. */
const badInputs: Array<{ name: string; argv: (p: { dir: string; repo: string }) => string[]; setup?: (dir: string) => void; expect: string | RegExp }> = [
  { name: 'version with a space', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', 'v 1'], expect: 'characters outside' },
  { name: 'version with ..', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', 'v1..2'], expect: 'contains ".."' },
  { name: 'version with /', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', 'a/b'], expect: 'contains "/"' },
  { name: 'empty version', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', ''], expect: 'version is empty' },
  { name: 'too long version', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', 'v'.repeat(101)], expect: 'characters long' },
  { name: 'no version at all', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo], expect: 'No version given' },
  { name: 'bad model name', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', 'v1'], setup: (dir) => writeSettings(dir, { name: 'my model' }), expect: 'name "my model" contains characters outside' },
  { name: 'missing settings', argv: ({ dir, repo }) => ['release', '--model-dir', path.join(dir, 'nowhere'), '--repo', repo, '--version', 'v1'], expect: 'Cannot read model settings' },
  { name: 'malformed settings', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', 'v1'], setup: (dir) => writeFileSync(path.join(dir, 'model-settings.json'), '{"name": "tiny",,}'), expect: /is not valid JSON at line 1, column \d+/ },
  { name: 'missing notebook', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', 'v1', '--notebook', 'missing.ipynb'], expect: 'Notebook not found' },
  { name: 'artifact missing after the run', argv: ({ dir, repo }) => ['publish', '--model-dir', dir, '--repo', repo, '--version', 'v1'], expect: 'does not exist' },
  { name: 'uri escaping by ../', argv: ({ dir, repo }) => ['publish', '--model-dir', dir, '--repo', repo, '--version', 'v1'], setup: (dir) => writeSettings(dir, { parameters: { uri: '../model.txt' } }), expect: 'leaves the model folder' },
  {
    name: 'uri escaping by a symlink',
    argv: ({ dir, repo }) => ['publish', '--model-dir', dir, '--repo', repo, '--version', 'v1'],
    setup: (dir) => {
      const outside = path.join(tempDir(), 'secret.txt');
      writeFileSync(outside, 'not a model');
      symlinkSync(outside, path.join(dir, 'model.txt'));
    },
    expect: 'outside the model folder',
  },
  { name: 'unknown runner', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', 'v1', '--runner', 'colab'], expect: 'Unknown runner "colab"' },
  { name: '--param without =', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', 'v1', '--param', 'epochs'], expect: '--param "epochs" is not of the form key=value' },
  { name: '--repo that does not exist', argv: ({ dir }) => ['release', '--model-dir', dir, '--repo', path.join(dir, 'no-repo'), '--version', 'v1'], expect: 'does not exist' },
  { name: '--repo that is not a git repository', argv: ({ dir }) => ['release', '--model-dir', dir, '--repo', dir, '--version', 'v1'], expect: 'is not a git repository' },
  { name: 'invalid settings', argv: ({ dir, repo }) => ['release', '--model-dir', dir, '--repo', repo, '--version', 'v1'], setup: (dir) => writeSettings(dir, { implementation: 'nope', inputs: [{ datatype: 'STRING' }] }), expect: /\(4 problems\)[^]*inputs\[0\]\.name: required/ },
];

function writeSettings(dir: string, patch: Record<string, unknown>) {
  const settings = { name: 'tiny', implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.txt' }, ...patch };
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'model-settings.json'), JSON.stringify(settings));
}

for (const bad of badInputs) {
  test(`bad input: ${bad.name} -> exit 2, clear message, nothing published`, async () => {
    const project = createModelProject();
    const repo = newBareRepo();
    bad.setup?.(project.dir);
    const run = await cli(bad.argv({ dir: project.dir, repo }), { env: baseEnv() });
    assert.is(run.code, 2, run.stderr);
    assert.match(run.stderr, bad.expect);
    assert.not.match(run.stderr, 'unexpected error');
    assert.is(commitCount(repo), 1, 'the remote did not change');
  });
}

test('--json reports failures as JSON too', async () => {
  const project = createModelProject();
  writeArtifact(project);
  const run = await cli(['publish', '--model-dir', project.dir, '--repo', newBareRepo(), '--version', 'v 1', '--json']);
  assert.is(run.code, 2);
  const payload = JSON.parse(run.stdout);
  assert.is(payload.error.code, 'EINVALIDVERSION');
  assert.is(payload.error.exitCode, 2);
});

test.run();
