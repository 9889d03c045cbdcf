/**
 * The one boundary store contents cross (src/stores/boundary.ts), tried as an
 * attacker who can write to staging: git trees made with `git mktree`, S3 keys
 * written with the SDK, folders with symlinks, newlines and invalid UTF-8 in
 * names. Every verb that copies out of a store (promote, default) must refuse
 * with exit 4 before writing anything, and nothing may appear outside the
 * destination. Also: release.json integrity both ways, and hostile records.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { commitCount, git, listFiles, newBareRepo, readFile, seedBareRepo } from '../helpers/git-repos.js';
import { HostApiStandIn } from '../helpers/host-api-standin.js';
import { plantInGit, plantInS3 } from '../helpers/hostile-stores.js';
import { createModelProject, writeArtifact } from '../helpers/model-project.js';
import { MOTO_CREDENTIALS, startMoto } from '../helpers/moto-server.js';
import type { S3Server } from '../helpers/s3-server.js';

// moto keeps keys as S3 does, ".." included (s3rver normalises them away, so it cannot hold this attack).
const boundary = suite<{ s3: S3Server }>('store boundary');
boundary.before(async (ctx) => { ctx.s3 = await startMoto(['staging']); });
boundary.after(async (ctx) => { await ctx.s3.stop(); removeTempDirs(); });

async function publish(repo: string, version: string, extra: string[] = [], env = baseEnv()) {
  const project = createModelProject();
  writeArtifact(project, `weights ${version}`);
  const run = await cli(['publish', '--model-dir', project.dir, '--version', version, '--repo', repo, '--check-load', 'never', ...extra], { env });
  assert.is(run.code, 0, run.stderr);
}

/** Every path under `dir`, for "nothing was written" checks. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map(String).sort();
}

const promote = (from: string[], to: string[], extra: string[] = [], env = baseEnv()) =>
  cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', ...from, '--to', ...to, ...extra], { env });

function refused(run: { code: number; stderr: string }, pattern: string | RegExp, what: string) {
  assert.is(run.code, 4, `${what}: ${run.stderr}`);
  assert.match(run.stderr, pattern, what);
  assert.not.match(run.stderr, 'unexpected error', what);
}

boundary('a git tree entry ".." in staging: promote and default write nothing, anywhere', async () => {
  const staging = newBareRepo();
  await publish(staging, 'v1');
  plantInGit(staging, 'models/tiny-v1', { name: '..', kind: 'folder' });
  const outer = tempDir('mlsr-outer-');
  const volume = path.join(outer, 'volume');
  mkdirSync(volume);
  const run = await promote([staging], [volume, '--to-target', 'folder']);
  refused(run, /cannot be used safely[\s\S]*has the component "\.\."/, 'promote git -> folder');
  assert.equal(tree(outer), ['volume'], 'nothing written inside or outside the destination');

  const production = newBareRepo();
  refused(await promote([staging], [production]), 'cannot be used safely', 'promote git -> git');
  assert.is(commitCount(production), 1);

  const before = commitCount(staging);
  refused(await cli(['default', '--version', 'v1', '--model', 'tiny', '--repo', staging]), 'cannot be used safely', 'default on git');
  assert.is(commitCount(staging), before);
});

boundary('a symlink, a .git entry and a file name with a line break in a git tree are refused by promote', async () => {
  for (const planted of [
    { name: 'link', kind: 'symlink', content: '/etc/passwd' },
    { name: '.git', kind: 'folder' },
    { name: 'evil\n::error::x', kind: 'file' },
    { name: 'GIT~1', kind: 'folder' },
  ] as const) {
    const staging = newBareRepo();
    await publish(staging, 'v1');
    plantInGit(staging, 'models/tiny-v1', planted);
    const volume = tempDir('mlsr-volume-');
    const run = await promote([staging], [volume, '--to-target', 'folder']);
    refused(run, /symlink|cannot be used safely/, JSON.stringify(planted.name));
    assert.equal(tree(volume), [], `${JSON.stringify(planted.name)}: nothing written`);
  }
});

boundary('S3 keys with ".." in staging: promote into a folder writes nothing outside it', async (ctx) => {
  const env = baseEnv({ ...MOTO_CREDENTIALS, AWS_ENDPOINT_URL_S3: ctx.s3.url, MLSERVER_RELEASE_S3_PATH_STYLE: 'true' });
  await publish('s3://staging/team', 'v1', ['--target', 's3'], env);
  await plantInS3(ctx.s3.url, 'staging', 'team/models/tiny-v1/../../../escaped', undefined, MOTO_CREDENTIALS);
  const outer = tempDir('mlsr-outer-');
  const volume = path.join(outer, 'volume');
  mkdirSync(volume);
  const run = await promote(['s3://staging/team', '--from-target', 's3'], [volume, '--to-target', 'folder'], [], env);
  refused(run, 'cannot be used safely', 'promote s3 -> folder');
  assert.equal(tree(outer), ['volume']);
  refused(await cli(['default', '--version', 'v1', '--model', 'tiny', '--repo', 's3://staging/team', '--target', 's3'], { env }), 'cannot be used safely', 'default on s3');
});

boundary('a folder source with .git/, a symlink, a line break or invalid UTF-8 in a name is refused, and production stays checkable', async () => {
  const staging = newBareRepo();
  await publish(staging, 'v1');
  const cases: Array<[string, (dir: string) => void, RegExp]> = [
    ['.git/config', (dir) => { mkdirSync(path.join(dir, '.git')); writeFileSync(path.join(dir, '.git', 'config'), '[core]\n\thooksPath = /tmp\n'); }, /"\.git"/],
    ['.gitmodules', (dir) => writeFileSync(path.join(dir, '.gitmodules'), '[submodule "x"]\n'), /\.gitmodules/],
    ['symlink', (dir) => symlinkSync('/etc/passwd', path.join(dir, 'passwd')), /is a symlink/],
    ['line break', (dir) => writeFileSync(path.join(dir, 'a\nb'), 'x'), /line break/],
    ['invalid UTF-8', (dir) => writeFileSync(Buffer.concat([Buffer.from(`${dir}/bad-`), Buffer.from([0xff, 0xfe])]), 'x'), /not valid UTF-8/],
  ];
  for (const [what, plant, pattern] of cases) {
    const volume = tempDir('mlsr-volume-');
    assert.is((await promote([staging], [volume, '--to-target', 'folder'])).code, 0);
    plant(path.join(volume, 'models', 'tiny-v1'));
    const production = newBareRepo();
    const run = await promote([volume, '--from-target', 'folder'], [production]);
    refused(run, pattern, what);
    assert.is(commitCount(production), 1, `${what}: nothing committed`);
  }
});

boundary('a symlinked folder inside a folder store is never written through', async () => {
  const staging = newBareRepo();
  await publish(staging, 'v1');
  const outside = tempDir('mlsr-outside-');
  const volume = tempDir('mlsr-volume-');
  symlinkSync(outside, path.join(volume, 'models'));
  refused(await promote([staging], [volume, '--to-target', 'folder']), 'is a symlink', 'promote into a volume whose models/ is a symlink');
  assert.equal(tree(outside), []);
});

boundary('release.json records every file; promote checks every one, both ways, and refuses a malformed record', async () => {
  const staging = newBareRepo();
  await publish(staging, 'v1');
  const record = JSON.parse(readFile(staging, 'models/tiny-v1/release.json'));
  assert.equal(record.files.map((f: { path: string }) => f.path), ['model-settings.json', 'model.txt']);
  for (const file of record.files) assert.match(file.sha256, /^[0-9a-f]{64}$/);

  const tampering: Array<[string, (dir: string) => void, RegExp]> = [
    ['changed settings', (dir) => writeFileSync(path.join(dir, 'model-settings.json'), readFileSync(path.join(dir, 'model-settings.json'), 'utf8').replace('}', ', "warm_workers": true }')), /model-settings\.json: changed/],
    ['added runtime', (dir) => writeFileSync(path.join(dir, 'runtime.py'), 'import os\n'), /runtime\.py: not in release\.json/],
    ['nested settings', (dir) => { mkdirSync(path.join(dir, 'inner')); writeFileSync(path.join(dir, 'inner', 'model-settings.json'), '{}'); }, /inner\/model-settings\.json: not in release\.json/],
    ['removed file', (dir) => writeFileSync(path.join(dir, 'release.json'), JSON.stringify({ ...record, files: [...record.files, { path: 'gone.bin', bytes: 1, sha256: 'a'.repeat(64) }] })), /gone\.bin: recorded, but missing/],
    ['record is a string', (dir) => writeFileSync(path.join(dir, 'release.json'), '"hello"'), /malformed: it is not a JSON object/],
    ['files of the wrong shape', (dir) => writeFileSync(path.join(dir, 'release.json'), JSON.stringify({ ...record, files: [{ path: 5 }] })), /malformed: "files"\[0\]/],
    ['artifact of the wrong shape', (dir) => writeFileSync(path.join(dir, 'release.json'), JSON.stringify({ ...record, artifact: 'model.txt' })), /malformed: "artifact"/],
  ];
  for (const [what, tamper, pattern] of tampering) {
    const volume = tempDir('mlsr-volume-');
    assert.is((await promote([staging], [volume, '--to-target', 'folder'])).code, 0);
    tamper(path.join(volume, 'models', 'tiny-v1'));
    const production = newBareRepo();
    refused(await promote([volume, '--from-target', 'folder'], [production]), pattern, what);
    assert.is(commitCount(production), 1, `${what}: nothing committed`);
  }

  // A release made before every file was recorded: the artifact is still checked, and the log says what is not.
  const volume = tempDir('mlsr-volume-');
  assert.is((await promote([staging], [volume, '--to-target', 'folder'])).code, 0);
  const { files: _dropped, ...old } = record;
  writeFileSync(path.join(volume, 'models/tiny-v1/release.json'), JSON.stringify(old));
  const production = newBareRepo();
  const legacy = await promote([volume, '--from-target', 'folder'], [production]);
  assert.is(legacy.code, 0, legacy.stderr);
  assert.match(legacy.stderr, 'before mlserver-release recorded every file');
  assert.ok(listFiles(production).includes('models/tiny-v1/model.txt'));
});

boundary('the default copy records its own settings, so it matches its release.json', async () => {
  const repo = newBareRepo();
  await publish(repo, 'v1');
  const made = await cli(['default', '--version', 'v1', '--model', 'tiny', '--repo', repo]);
  assert.is(made.code, 0, made.stderr);
  const record = JSON.parse(readFile(repo, 'models/tiny/release.json'));
  const settings = readFile(repo, 'models/tiny/model-settings.json');
  assert.is(JSON.parse(settings).parameters.version, undefined);
  const entry = record.files.find((f: { path: string }) => f.path === 'model-settings.json');
  assert.is(entry.bytes, Buffer.byteLength(settings));
});

boundary('hostile records and options give catalogued errors, never exit 1', async () => {
  const repo = newBareRepo();
  await publish(repo, 'v1');
  plantInGit(repo, 'models/other-v2', { name: 'release.json', kind: 'file', content: '{"model": 5, "version": ["x"], "artifact": "no", "metrics": [1]}' });
  plantInGit(repo, 'models/other-v2', { name: 'model-settings.json', kind: 'file', content: '{"name": {"a": 1}, "parameters": []}' });
  const list = await cli(['list', '--repo', repo, '--json']);
  assert.is(list.code, 0, list.stderr);

  const api = await cli(['list', '--repo', repo, '--via', 'api']);
  assert.is(api.code, 2, api.stderr);
  assert.match(api.stderr, '--via api needs a GitHub or GitLab https URL');

  const emptyBranch = await promote([repo], [newBareRepo(), '--to-branch', '']);
  assert.is(emptyBranch.code, 2, emptyBranch.stderr);
  assert.match(emptyBranch.stderr, '--to-branch "" is not a branch name git accepts');

  const volume = tempDir('mlsr-volume-');
  assert.is((await promote([repo], [volume, '--to-target', 'folder'])).code, 0);
  const reload = await cli(['default', '--version', 'v1', '--model', 'tiny', '--repo', volume, '--target', 'folder', '--reload-url', 'not a url']);
  assert.is(reload.code, 2, reload.stderr);
  assert.is(existsSync(path.join(volume, 'models', 'tiny')), false, 'the default was not written before the URL was checked');
});

boundary('through the GitHub API, a symlink and a submodule are what their tree modes say, and are refused', async () => {
  const root = tempDir('mlsr-api-');
  mkdirSync(path.join(root, 'acme'));
  const api = await new HostApiStandIn({ root, token: 'T' }).start();
  try {
    for (const planted of [{ name: 'link', kind: 'symlink', content: '/etc/passwd' }, { name: 'runtime.py', kind: 'executable', content: 'x' }] as const) {
      const bare = path.join(root, 'acme', `models-${planted.name}.git`);
      git(['init', '--quiet', '--bare', '-b', 'main', bare]);
      seedBareRepo(bare);
      await publish(bare, 'v1');
      plantInGit(bare, 'models/tiny-v1', planted);
      const run = await cli(['default', '--version', 'v1', '--model', 'tiny', '--repo', `https://github.com/acme/models-${planted.name}.git`, '--via', 'api', '--api-url', `${api.url}/api/v3`], { env: baseEnv({ MLSERVER_REPO_TOKEN: 'T', MLSERVER_RELEASE_GITHUB_WRITE_INTERVAL_MS: '0' }) });
      // A symlink is refused as one; an executable is a file, so integrity names it as not recorded.
      refused(run, planted.kind === 'symlink' ? 'is a symlink' : 'runtime.py: not in release.json', planted.name);
      assert.not.ok(listFiles(bare).includes('models/tiny/model.txt'), 'no default copy was written');
    }
  } finally {
    await api.stop();
  }
});

boundary('a folder store never reads through a symlink, never blocks on a pipe, and a file where a folder should be is exit 4', async () => {
  const volume = tempDir('mlsr-volume-');
  await publish(volume, 'v1', ['--target', 'folder']);
  const record = path.join(volume, 'models', 'tiny-v1', 'release.json');
  const outside = path.join(tempDir('mlsr-outside-'), 'secret.json');
  writeFileSync(outside, '{"model": "SECRET-abc"}');
  rmSync(record);
  symlinkSync(outside, record);
  const listed = await cli(['list', '--repo', volume, '--target', 'folder', '--json']);
  refused(listed, 'is a symlink', 'list with a symlinked release.json');
  assert.not.match(listed.stdout + listed.stderr, 'SECRET-abc');

  rmSync(record);
  execFileSync('mkfifo', [record]);
  const piped = await cli(['list', '--repo', volume, '--target', 'folder']);
  refused(piped, 'not a regular file', 'list with a pipe for release.json');
  refused(await promote([volume, '--from-target', 'folder'], [newBareRepo()]), 'not a regular file', 'promote from a folder with a pipe');

  const manifests = tempDir('mlsr-manifests-');
  mkdirSync(path.join(manifests, 'deploy'));
  writeFileSync(path.join(manifests, 'deploy', 'tiny'), 'a file where the folder should be');
  const project = createModelProject();
  const rollout = await cli(['rollout', '--platform', 'kserve', '--model-dir', project.dir, '--version', 'v1', '--storage-uri', 's3://b/x', '--manifests-repo', manifests, '--manifests-target', 'folder']);
  refused(rollout, 'cannot be written', 'rollout into a folder store whose deploy/tiny is a file');
  const root = await cli(['rollout', '--platform', 'kserve', '--model-dir', project.dir, '--version', 'v1', '--storage-uri', 's3://b/x', '--manifests-repo', manifests, '--manifests-target', 'folder', '--manifests-path', '.']);
  assert.is(root.code, 2, root.stderr);
  assert.match(root.stderr, '--manifests-path');
});

boundary.run();
