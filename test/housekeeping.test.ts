import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Logger } from '../src/log.js';
import { publishVersion } from '../src/publish-version.js';
import { folderStore } from '../src/stores/folder.js';
import { compareVersions, mlserverDefaultVersion } from '../src/versions.js';
import { cli } from './helpers/capture.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { commitCount, git, listFiles, newBareRepo } from './helpers/git-repos.js';
import { createModelProject, writeArtifact } from './helpers/model-project.js';
import { Capture } from './helpers/capture.js';

test.after(removeTempDirs);

const VERSIONS = ['v0.0.9', 'v0.0.10', 'v0.0.2'];

async function publishVersions(repo: string, versions: string[], extra: string[] = []) {
  const p = createModelProject();
  for (const version of versions) {
    writeArtifact(p, `weights ${version}`);
    const run = await cli(['publish', '--model-dir', p.dir, '--version', version, '--repo', repo, ...extra]);
    assert.is(run.code, 0, run.stderr);
  }
}

test('versions sort semver-aware; MLServer\'s default is lexicographic unless all are integers', () => {
  assert.equal([...VERSIONS, 'v0.0.10-rc.1'].sort(compareVersions), ['v0.0.2', 'v0.0.9', 'v0.0.10-rc.1', 'v0.0.10']);
  assert.is(mlserverDefaultVersion(VERSIONS), 'v0.0.9');
  assert.is(mlserverDefaultVersion(['2', '10', '9']), '10');
});

test('the folder target never shows a half-written version: a failure mid-copy leaves nothing visible', async () => {
  const volume = tempDir('mlsr-volume-');
  const sources = tempDir();
  for (const name of ['a.bin', 'b.bin']) writeFileSync(path.join(sources, name), name);
  const target = path.join(volume, 'models', 'iris-v1');
  let copies = 0;
  try {
    const log = new Logger({ stream: new Capture() });
    const store = folderStore({
      root: volume, modelsPath: 'models', log,
      copy: async (source, destination) => {
        assert.not.ok(existsSync(target), 'the version is not visible while it is being written');
        if (++copies === 2) throw new Error('disk full (injected)');
        writeFileSync(destination, source);
      },
    });
    await publishVersion(store, {
      folder: 'models/iris-v1', ignoreForComparison: [], force: false, log, identity: { model: 'iris', version: 'v1' }, message: '', author: { name: 'a', email: 'a@b' },
      files: [{ path: 'model-settings.json', content: '{}' }, { path: 'a.bin', source: path.join(sources, 'a.bin') }, { path: 'b.bin', source: path.join(sources, 'b.bin') }],
    });
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, 'nothing was published');
  }
  assert.equal(readdirSync(path.join(volume, 'models')), [], 'no folder, not even the hidden staging one, is left');
});

test('list on a folder orders versions and warns that MLServer\'s default is not the newest', async () => {
  const volume = tempDir('mlsr-volume-');
  await publishVersions(volume, VERSIONS, ['--target', 'folder']);
  const run = await cli(['list', '--repo', volume, '--target', 'folder']);
  assert.is(run.code, 0, run.stderr);
  const order = [...run.stdout.matchAll(/^  (v\S+)/gm)].map((m) => m[1]);
  assert.equal(order, ['v0.0.2', 'v0.0.9', 'v0.0.10']);
  assert.match(run.stdout, /v0\.0\.9 .*\(MLServer default for unversioned URLs\)/);
  assert.match(run.stdout, /v0\.0\.10 .*\(newest\)/);
  assert.match(run.stderr, 'MLServer serves v0.0.9 for URLs without a version');
});

test('list on a git repo reads release.json for dates and sizes, as JSON', async () => {
  const repo = newBareRepo();
  await publishVersions(repo, VERSIONS);
  const run = await cli(['list', '--repo', repo, '--json', '--model', 'tiny']);
  assert.is(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.is(result.models.length, 1);
  const tiny = result.models[0];
  assert.equal(tiny.versions.map((v: { version: string }) => v.version), ['v0.0.2', 'v0.0.9', 'v0.0.10']);
  assert.is(tiny.versions[0].artifactBytes, 'weights v0.0.2'.length);
  assert.ok(Date.parse(tiny.versions[0].releasedAt) > 0);
  assert.is(tiny.mlserverDefault, 'v0.0.9');
  assert.is(result.warnings.length, 1);
});

test('prune on git: dry run shows, --yes removes in one commit, protected versions stay', async () => {
  const repo = newBareRepo();
  await publishVersions(repo, ['v1', 'v2', 'v3', 'v4']);
  const before = commitCount(repo);
  const dry = await cli(['prune', '--repo', repo, '--keep', '1', '--protect', 'v2']);
  assert.is(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, 'Would remove 2 version(s)');
  assert.is(commitCount(repo), before, 'the dry run changed nothing');

  const real = await cli(['prune', '--repo', repo, '--keep', '1', '--protect', 'v2', '--yes']);
  assert.is(real.code, 0, real.stderr);
  assert.match(real.stdout, 'Removed 2 version(s) in commit');
  assert.is(commitCount(repo), before + 1, 'one commit');
  assert.equal([...new Set(listFiles(repo).filter((f) => f.startsWith('models/')).map((f) => f.split('/')[1]))].sort(), ['tiny-v2', 'tiny-v4']);
  assert.match(git(['log', '-1', '--format=%B', 'main'], repo), /Prune models: remove 2 versions\n\n- tiny v1\n- tiny v3/);
});

test('prune on a folder, and never below one version', async () => {
  const volume = tempDir('mlsr-volume-');
  await publishVersions(volume, ['v1', 'v2', 'v3'], ['--target', 'folder']);
  const dry = await cli(['prune', '--repo', volume, '--target', 'folder', '--keep', '2']);
  assert.match(dry.stdout, 'Would remove 1 version(s)');
  assert.equal(readdirSync(path.join(volume, 'models')).sort(), ['tiny-v1', 'tiny-v2', 'tiny-v3']);
  const real = await cli(['prune', '--repo', volume, '--target', 'folder', '--keep', '2', '--yes']);
  assert.is(real.code, 0, real.stderr);
  assert.equal(readdirSync(path.join(volume, 'models')).sort(), ['tiny-v2', 'tiny-v3'], 'no trash folder is left either');
  const zero = await cli(['prune', '--repo', volume, '--target', 'folder', '--keep', '0', '--yes']);
  assert.is(zero.code, 2);
  assert.match(zero.stderr, '--keep must be a whole number of at least 1');
});

for (const target of ['git', 'folder'] as const) {
  test(`${target}: the name/version layout publishes models/<name>/<version>, is immutable, and mixes with the old layout in list and prune`, async () => {
    const repo = target === 'git' ? newBareRepo() : tempDir('mlsr-volume-');
    const where = ['--target', target];
    await publishVersions(repo, ['v1'], where);
    await publishVersions(repo, ['v2', 'v3'], [...where, '--layout', 'name/version']);
    const files = target === 'git' ? listFiles(repo) : [...walkFiles(repo)];
    assert.ok(files.includes('models/tiny-v1/model.txt') && files.includes('models/tiny/v2/model.txt') && files.includes('models/tiny/v3/model.txt'), files.join('\n'));

    const p = createModelProject();
    writeArtifact(p, 'weights v2');
    const rerun = await cli(['publish', '--model-dir', p.dir, '--version', 'v2', '--repo', repo, ...where, '--layout', 'name/version', '--json']);
    assert.is(JSON.parse(rerun.stdout).status, 'already-published', rerun.stderr);
    writeArtifact(p, 'other weights');
    const conflict = await cli(['publish', '--model-dir', p.dir, '--version', 'v2', '--repo', repo, ...where, '--layout', 'name/version']);
    assert.is(conflict.code, 4, conflict.stderr);

    const listed = await cli(['list', '--repo', repo, ...where, '--json']);
    const tiny = JSON.parse(listed.stdout).models[0];
    assert.equal(tiny.versions.map((v: { version: string; folder: string }) => `${v.version}@${v.folder}`), ['v1@models/tiny-v1', 'v2@models/tiny/v2', 'v3@models/tiny/v3']);
    const pruned = await cli(['prune', '--repo', repo, ...where, '--keep', '1', '--yes', '--json']);
    assert.is(pruned.code, 0, pruned.stderr);
    assert.equal(JSON.parse(pruned.stdout).removed.map((v: { folder: string }) => v.folder), ['models/tiny-v1', 'models/tiny/v2']);
    const left = target === 'git' ? listFiles(repo) : [...walkFiles(repo)];
    assert.equal(left.filter((f) => f.startsWith('models/')).map((f) => f.split('/').slice(0, 3).join('/')).filter((f, i, all) => all.indexOf(f) === i), ['models/tiny/v3']);
  });
}

function* walkFiles(root: string, prefix = ''): Generator<string> {
  for (const entry of readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walkFiles(root, relative);
    else yield relative;
  }
}

test.run();
