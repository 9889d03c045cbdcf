/**
 * Staging, then production: promote copies the exact bytes between any two
 * stores, `default` controls what unversioned URLs serve, and list --compare
 * says what is waiting. Real parts: bare repositories over the smart-HTTP
 * server, real folders, the API stand-ins and the MLServer stand-in.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from './helpers/capture.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { createServedRepo, GitHttpServer } from './helpers/git-http-server.js';
import { commitCount, git, listFiles, newBareRepo, readFile, seedBareRepo } from './helpers/git-repos.js';
import { assertNoLeak, watchForLeaks } from './helpers/leak-watch.js';
import { MLServerStandIn } from './helpers/mlserver-standin.js';
import { createModelProject, writeArtifact } from './helpers/model-project.js';

const STAGING_TOKEN = 'staging-T0ken+/=';
const PRODUCTION_TOKEN = 'production-T0ken+/=';

interface Ctx {
  root: string;
  server: GitHttpServer;
}

const promoteSuite = suite<Ctx>('promote between stores');
promoteSuite.before(async (ctx) => {
  ctx.root = tempDir('mlsr-served-');
  ctx.server = await new GitHttpServer({
    projectRoot: ctx.root,
    // Each side has its own account; the username rides in the URL, the token in its own variable.
    users: { stager: { password: STAGING_TOKEN, access: 'write' }, producer: { password: PRODUCTION_TOKEN, access: 'write' } },
  }).start();
});
promoteSuite.after(async (ctx) => {
  await ctx.server.stop();
  removeTempDirs();
});

let counter = 0;
function served(ctx: Ctx, user: 'stager' | 'producer'): { dir: string; url: string; plain: string } {
  const name = `store${++counter}.git`;
  const dir = createServedRepo(ctx.root, name);
  seedBareRepo(dir);
  return { dir, url: `${ctx.server.url.replace('http://', `http://${user}@`)}/${name}`, plain: `${ctx.server.url}/${name}` };
}

/** Publishes versions of the tiny model into a store (git repo or folder), as staging's release jobs do. */
async function release(repo: string, versions: string[], extra: string[] = [], env = baseEnv()) {
  const project = createModelProject();
  for (const version of versions) {
    writeArtifact(project, `weights ${version}`);
    const run = await cli(['publish', '--model-dir', project.dir, '--version', version, '--repo', repo, '--check-load', 'never', ...extra], { env });
    assert.is(run.code, 0, run.stderr);
  }
  return project;
}

promoteSuite('between two repositories over HTTPS with their own tokens: byte for byte, with provenance, and never a token in sight', async (ctx) => {
  const staging = served(ctx, 'stager');
  const production = served(ctx, 'producer');
  await release(staging.url, ['v1.0.0', 'v1.0.1'], [], baseEnv({ MLSERVER_REPO_TOKEN: STAGING_TOKEN }));
  const watch = watchForLeaks();
  const env = baseEnv({
    PATH: watch.path, MLSERVER_STAGING_REPO: staging.url, MLSERVER_STAGING_TOKEN: STAGING_TOKEN,
    MLSERVER_PRODUCTION_REPO: production.url, MLSERVER_PRODUCTION_TOKEN: PRODUCTION_TOKEN, GITLAB_CI: 'true', CI_SERVER_URL: ctx.server.url,
  });
  const run = await cli(['promote', '--version', 'v1.0.1', '--model', 'tiny', '--json', '--dotenv', path.join(tempDir(), 'promote.env')], { env });
  const leaks = watch.stop();
  assert.is(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.is(result.status, 'pushed');
  assert.match(result.source, new RegExp(`^${staging.plain}@[0-9a-f]{40}$`));
  for (const file of ['model-settings.json', 'model.txt', 'release.json']) {
    assert.is(readFile(production.dir, `models/tiny-v1.0.1/${file}`), readFile(staging.dir, `models/tiny-v1.0.1/${file}`), `${file} is byte-identical`);
  }
  const message = git(['log', '-1', '--format=%B', 'main'], production.dir);
  assert.match(message, /^Promote model tiny v1\.0\.1\n\nPromoted-From: http:\/\/127\.0\.0\.1:\d+\/store\d+\.git@[0-9a-f]{40}\nRelease-Sha256: [0-9a-f]{64}/);
  for (const [token, where] of [[STAGING_TOKEN, 'staging'], [PRODUCTION_TOKEN, 'production']]) {
    for (const [text, what] of [[run.stdout + run.stderr, 'output'], [leaks.argvs, 'argv'], [leaks.configs, '.git/config'], [leaks.procCmdlines, '/proc'], [message, 'the commit']]) {
      assertNoLeak(text, token, `${what} (${where} token)`);
    }
  }
  const rerun = await cli(['promote', '--version', 'v1.0.1', '--model', 'tiny', '--json'], { env });
  assert.is(JSON.parse(rerun.stdout).status, 'already-promoted', rerun.stderr);
  assert.is(commitCount(production.dir), 2, 'no second commit');
});

promoteSuite('git to folder and folder to git; different content is refused unless --force', async () => {
  const staging = newBareRepo();
  await release(staging, ['v1']);
  const volume = tempDir('mlsr-volume-');
  const toFolder = await cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', staging, '--to', volume, '--to-target', 'folder']);
  assert.is(toFolder.code, 0, toFolder.stderr);
  assert.is(readFileSync(path.join(volume, 'models/tiny-v1/model.txt'), 'utf8'), 'weights v1');
  const back = newBareRepo();
  const toGit = await cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', volume, '--from-target', 'folder', '--to', back]);
  assert.is(toGit.code, 0, toGit.stderr);
  assert.is(readFile(back, 'models/tiny-v1/release.json'), readFile(staging, 'models/tiny-v1/release.json'));

  const other = newBareRepo();
  await release(other, ['v1'], [], baseEnv());
  writeFileSync(path.join(volume, 'models/tiny-v1/model.txt'), 'weights v1'); // unchanged bytes, but other's release.json differs
  const refused = await cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', other, '--to', back]);
  assert.is(refused.code, 4, refused.stderr);
  assert.match(refused.stderr, 'already published on main with different content');
  const forced = await cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', other, '--to', back, '--force']);
  assert.is(forced.code, 0, forced.stderr);
  assert.is(readFile(back, 'models/tiny-v1/release.json'), readFile(other, 'models/tiny-v1/release.json'));
});

promoteSuite('a tampered source (the artifact edited after its release.json) is refused, and nothing is written', async () => {
  const staging = newBareRepo();
  await release(staging, ['v1']);
  // Someone edits the artifact in staging by hand, keeping release.json.
  const work = tempDir();
  execFileSync('git', ['clone', '--quiet', staging, work]);
  writeFileSync(path.join(work, 'models/tiny-v1/model.txt'), 'poisoned');
  execFileSync('git', ['-C', work, '-c', 'user.name=x', '-c', 'user.email=x@y', 'commit', '--quiet', '-am', 'edit']);
  execFileSync('git', ['-C', work, 'push', '--quiet', 'origin', 'main']);
  const production = newBareRepo();
  const run = await cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', staging, '--to', production]);
  assert.is(run.code, 4, run.stderr);
  assert.match(run.stderr, 'does not match its release.json');
  assert.is(commitCount(production), 1);
});

promoteSuite('bad input: a version the source lacks (listing what it has, newest first), the same store twice, a missing side', async () => {
  const staging = newBareRepo();
  await release(staging, ['v1.0.9', 'v1.0.10']);
  const production = newBareRepo();
  const missing = await cli(['promote', '--version', 'v2', '--model', 'tiny', '--from', staging, '--to', production]);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, 'it has: v1.0.10, v1.0.9');
  const same = await cli(['promote', '--version', 'v1.0.9', '--model', 'tiny', '--from', staging, '--to', staging]);
  assert.is(same.code, 2);
  assert.match(same.stderr, 'are the same store');
  const noSide = await cli(['promote', '--version', 'v1.0.9', '--model', 'tiny', '--from', staging]);
  assert.is(noSide.code, 2);
  assert.match(noSide.stderr, '--to (or MLSERVER_PRODUCTION_REPO) is required');
  const badName = await cli(['promote', '--version', 'v1.0.9', '--model', 'ti ny', '--from', staging, '--to', production]);
  assert.is(badName.code, 2);
  assert.is(commitCount(production), 1);
});

promoteSuite('eight concurrent promotions of different versions all land', async (ctx) => {
  const staging = served(ctx, 'stager');
  const production = served(ctx, 'producer');
  const versions = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'];
  await release(staging.url, versions, [], baseEnv({ MLSERVER_REPO_TOKEN: STAGING_TOKEN }));
  const env = baseEnv({ MLSERVER_STAGING_TOKEN: STAGING_TOKEN, MLSERVER_PRODUCTION_TOKEN: PRODUCTION_TOKEN });
  const runs = await Promise.all(versions.map((v) => cli(['promote', '--version', v, '--model', 'tiny', '--from', staging.url, '--to', production.url, '--json'], { env })));
  assert.equal(runs.map((r) => r.code), versions.map(() => 0), runs.map((r) => r.stderr).join('\n'));
  const folders = new Set(listFiles(production.dir).filter((f) => f.startsWith('models/')).map((f) => f.split('/')[1]));
  assert.equal([...folders].sort(), versions.map((v) => `tiny-${v}`).sort());
});

promoteSuite('promote --reload-url into a model volume: MLServer loads the promoted version (it has no file watcher); elsewhere it is exit 2', async () => {
  const staging = newBareRepo();
  // The stand-in serves a JSON lookup table as its model.
  const project = createModelProject({ parameters: { uri: './model.json' } });
  writeFileSync(path.join(project.dir, 'model.json'), JSON.stringify({ a: 'promoted' }));
  const published = await cli(['publish', '--model-dir', project.dir, '--version', 'v1', '--repo', staging, '--check-load', 'never']);
  assert.is(published.code, 0, published.stderr);
  const volume = tempDir('mlsr-volume-');
  const mlserver = await new MLServerStandIn({ root: volume, loadAtStart: true }).start();
  try {
    const ready = () => fetch(`${mlserver.url}/v2/models/tiny/versions/v1/ready`).then((r) => r.status);
    assert.is(await ready(), 404, 'not served before the promotion');
    const run = await cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', staging, '--to', volume, '--to-target', 'folder', '--reload-url', mlserver.url]);
    assert.is(run.code, 0, run.stderr);
    assert.match(run.stderr, 'MLServer reloaded tiny');
    assert.is(await ready(), 200, 'loaded by the reload request');
  } finally {
    await mlserver.stop();
  }
  const intoGit = await cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', staging, '--to', newBareRepo(), '--reload-url', 'http://127.0.0.1:1']);
  assert.is(intoGit.code, 2, intoGit.stderr);
  assert.match(intoGit.stderr, '--reload-url is for a folder destination');
});

const defaults = suite('what unversioned URLs serve');
defaults.after(removeTempDirs);

for (const layout of ['name-version', 'name/version'] as const) {
  defaults(`${layout}: default --version newest is semver's newest, served for unversioned requests; rollback is one command`, async () => {
    const volume = tempDir('mlsr-volume-');
    const project = createModelProject({ parameters: { uri: './model.json' } });
    const publish = async (version: string, table: Record<string, string>) => {
      writeFileSync(path.join(project.dir, 'model.json'), JSON.stringify(table));
      const run = await cli(['publish', '--model-dir', project.dir, '--version', version, '--repo', volume, '--target', 'folder', '--layout', layout, '--check-load', 'never']);
      assert.is(run.code, 0, run.stderr);
    };
    await publish('v1.0.9', { a: 'old' });
    await publish('v1.0.10', { a: 'new' });
    writeFileSync(path.join(project.dir, 'inference-request.json'), JSON.stringify({ inputs: [{ name: 'text', shape: [1], datatype: 'BYTES', data: ['a'] }] }));
    const mlserver = await new MLServerStandIn({ root: volume, loadAtStart: true }).start();
    try {
      const before = await fetch(`${mlserver.url}/v2/models/tiny/infer`, { method: 'POST', body: JSON.stringify({ inputs: [{ data: ['a'] }] }) }).then((r) => r.json());
      assert.equal(before.outputs[0].data, ['old'], 'without a default copy, MLServer compares versions as text: v1.0.9 wins');

      const set = await cli(['default', '--version', 'newest', '--model', 'tiny', '--repo', volume, '--target', 'folder', '--layout', layout, '--reload-url', mlserver.url, '--json']);
      assert.is(set.code, 0, set.stderr);
      const result = JSON.parse(set.stdout);
      assert.is(result.version, 'v1.0.10');
      assert.is(result.folder, layout === 'name/version' ? 'models/tiny/tiny' : 'models/tiny');
      const copy = JSON.parse(readFileSync(path.join(volume, result.folder, 'model-settings.json'), 'utf8'));
      assert.is(copy.parameters.version, undefined, 'the default copy has no version');
      assert.is(JSON.parse(readFileSync(path.join(volume, result.folder, 'release.json'), 'utf8')).version, 'v1.0.10');
      const after = await fetch(`${mlserver.url}/v2/models/tiny/infer`, { method: 'POST', body: JSON.stringify({ inputs: [{ data: ['a'] }] }) }).then((r) => r.json());
      assert.equal(after.outputs[0].data, ['new']);

      const verified = await cli(['verify', '--verify-url', mlserver.url, '--model', 'tiny', '--version', 'v1.0.10', '--default', '--model-dir', project.dir, '--verify-interval', '0.1']);
      assert.is(verified.code, 0, verified.stderr);
      const wrong = await cli(['verify', '--verify-url', mlserver.url, '--model', 'tiny', '--version', 'v1.0.9', '--default', '--model-dir', project.dir, '--verify-interval', '0.1']);
      assert.is(wrong.code, 5, wrong.stderr);
      assert.match(wrong.stderr, 'does not answer as v1.0.9 does');

      const rollback = await cli(['default', '--version', 'v1.0.9', '--model', 'tiny', '--repo', volume, '--target', 'folder', '--layout', layout, '--reload-url', mlserver.url]);
      assert.is(rollback.code, 0, rollback.stderr);
      const rolled = await fetch(`${mlserver.url}/v2/models/tiny/infer`, { method: 'POST', body: JSON.stringify({ inputs: [{ data: ['a'] }] }) }).then((r) => r.json());
      assert.equal(rolled.outputs[0].data, ['old']);
      const listed = await cli(['list', '--repo', volume, '--target', 'folder']);
      assert.match(listed.stdout, 'tiny  (default → v1.0.9)');
      assert.not.match(listed.stderr, 'MLServer serves', 'with a default copy, MLServer serves the default: no warning');

      const unknown = await cli(['default', '--version', 'v9', '--model', 'tiny', '--repo', volume, '--target', 'folder', '--layout', layout]);
      assert.is(unknown.code, 2);
      assert.match(unknown.stderr, 'it has: v1.0.10, v1.0.9');
    } finally {
      await mlserver.stop();
    }
  });
}

defaults('in git, the default copy adds no artifact blob; promote --make-default sets it in the destination; list --compare shows what waits', async () => {
  const staging = newBareRepo();
  await release(staging, ['v1', 'v2', 'v3']);
  const production = newBareRepo();
  const promoted = await cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', staging, '--to', production, '--make-default', '--json']);
  assert.is(promoted.code, 0, promoted.stderr);
  assert.is(JSON.parse(promoted.stdout).defaultVersion, 'v1');
  const artifactBlob = (folder: string) => git(['rev-parse', `main:${folder}/model.txt`], production).trim();
  assert.is(artifactBlob('models/tiny'), artifactBlob('models/tiny-v1'), 'the same blob');

  const compared = await cli(['list', '--repo', staging, '--compare', production, '--json']);
  assert.is(compared.code, 0, compared.stderr);
  const tiny = JSON.parse(compared.stdout).comparison[0];
  assert.equal(tiny.onlyHere.map((v: { version: string }) => v.version), ['v2', 'v3']);
  assert.equal(tiny.both, ['v1']);
  assert.is(tiny.defaultThere, 'v1');
  const text = await cli(['list', '--repo', staging, '--compare', production]);
  assert.match(text.stdout, 'only here (waiting for promotion): v2');
});

promoteSuite.run();
defaults.run();
