/**
 * Hostile input, hostile networks: the behaviours users rely on when a notebook,
 * an input or a server misbehaves. Real parts throughout: nbconvert notebooks,
 * the smart-HTTP git server, real folders, and a second loopback origin that
 * records whether a credential ever reached it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { silentLogger } from '../src/log.js';
import { createStaging, stageArtifact } from '../src/publish/stage.js';
import { resolveRepository } from '../src/stores/repository.js';
import { runBundle } from './helpers/bundle.js';
import { baseEnv, cli } from './helpers/capture.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { createServedRepo, GitHttpServer } from './helpers/git-http-server.js';
import { commitCount, git, listFiles, newBareRepo, seedBareRepo } from './helpers/git-repos.js';
import { assertNoLeak, leakForms } from './helpers/leak-watch.js';
import { closeServer, listenOnLoopback } from './helpers/loopback.js';
import { createModelProject, tinyNotebook, writeArtifact } from './helpers/model-project.js';

const TOKEN = 'hostile-t0ken+/=secret';

interface Ctx {
  root: string;
  server: GitHttpServer;
}
const secrets = suite<Ctx>('secrets stay with the tool');
secrets.before(async (ctx) => {
  ctx.root = tempDir('mlsr-served-');
  ctx.server = await new GitHttpServer({ projectRoot: ctx.root, users: { oauth2: { password: TOKEN, access: 'write' } } }).start();
  seedBareRepo(createServedRepo(ctx.root, 'mlserver.git'));
});
secrets.after(async (ctx) => {
  await ctx.server.stop();
  removeTempDirs();
});

secrets('the notebook runs without the credentials, and the executed notebook is redacted', async (ctx) => {
  const project = createModelProject();
  const notebook = tinyNotebook();
  notebook.cells[1].source += '\nleak = ""';
  notebook.cells.push({
    cell_type: 'code', execution_count: null, metadata: {}, outputs: [],
    source: 'import json, os\njson.dump(dict(os.environ), open("env.json", "w"))\nprint("param:", leak)',
  } as never);
  writeFileSync(project.notebookPath, JSON.stringify(notebook));
  const url = `${ctx.server.url}/mlserver.git`;
  const credentialed = url.replace('http://', `http://oauth2:${encodeURIComponent(TOKEN)}@`);
  const run = await cli(['release', '--model-dir', project.dir, '--version', 'v1', '--runner', 'nbconvert', '--param', `leak=${TOKEN}`], {
    env: baseEnv({
      MLSERVER_REPO: credentialed,
      MLSERVER_REPO_TOKEN: TOKEN,
      INPUT_TOKEN: TOKEN,
      SOMETHING_ELSE: `Basic ${Buffer.from(`oauth2:${TOKEN}`).toString('base64')}`,
      USER_SETTING: 'kept',
      // Not on the allow-list: it reaches the notebook because the user names it.
      MLSERVER_RELEASE_NOTEBOOK_ENV: 'USER_SETTING',
    }),
  });
  assert.is(run.code, 0, run.stderr);
  const seen = JSON.parse(readFileSync(path.join(project.dir, 'env.json'), 'utf8')) as Record<string, string>;
  for (const name of ['MLSERVER_REPO', 'MLSERVER_REPO_TOKEN', 'INPUT_TOKEN', 'SOMETHING_ELSE']) assert.is(seen[name], undefined, `${name} reached the notebook`);
  assert.is(seen.USER_SETTING, 'kept');
  assertNoLeak(JSON.stringify(seen), TOKEN, "the notebook's environment");
  const executed = readFileSync(path.join(project.dir, 'tiny.executed.ipynb'), 'utf8');
  assertNoLeak(executed, TOKEN, 'the executed notebook');
  assert.match(executed, 'param: ***');
  assertNoLeak(run.stdout + run.stderr, TOKEN, 'output');
});

secrets('a redirect to another origin is refused, and that origin never sees the credentials', async () => {
  const received: Array<string | undefined> = [];
  const other = http.createServer((req, res) => {
    received.push(req.headers.authorization);
    res.writeHead(404).end();
  });
  const otherUrl = await listenOnLoopback(other);
  const redirector = http.createServer((req, res) => res.writeHead(302, { location: `${otherUrl}${req.url}` }).end());
  const redirectorUrl = await listenOnLoopback(redirector);
  try {
    const project = createModelProject();
    writeArtifact(project);
    for (const extra of [[], ['--skip-preflight']]) {
      const run = await cli(['publish', '--model-dir', project.dir, '--repo', `${redirectorUrl}/mlserver.git`, '--token', TOKEN, '--version', 'v1', ...extra]);
      assert.is(run.code, 4, run.stderr);
      if (extra.length === 0) {
        assert.match(run.stderr, `${redirectorUrl} redirected to ${otherUrl}`);
      }
      assertNoLeak(run.stderr, TOKEN, 'output');
    }
    assert.ok(received.every((auth) => auth === undefined), `the other origin received ${JSON.stringify(received)}`);
  } finally {
    await closeServer(redirector);
    await closeServer(other);
  }
});

secrets('a remote that accepts pushes without credentials gets a warning', async () => {
  const root = tempDir('mlsr-open-');
  const server = await new GitHttpServer({ projectRoot: root }).start();
  seedBareRepo(createServedRepo(root, 'open.git'));
  try {
    const project = createModelProject();
    writeArtifact(project);
    const run = await cli(['publish', '--model-dir', project.dir, '--repo', `${server.url}/open.git`, '--token', TOKEN, '--version', 'v1']);
    assert.is(run.code, 0, run.stderr);
    assert.match(run.stderr, 'offers pushes without any credentials, so the token was never checked');
  } finally {
    await server.stop();
  }
});

secrets('a token over plain http to anything but loopback gets a warning', async () => {
  const log = silentLogger();
  await resolveRepository({ repo: 'http://models.example.com/ds/models.git', token: TOKEN }, baseEnv(), process.cwd(), log);
  assert.ok(log.warnings.some((w) => w.includes('http://models.example.com/ds/models.git is plain http')), log.warnings.join('\n'));
  const quiet = silentLogger();
  await resolveRepository({ repo: 'http://127.0.0.1:9/models.git', token: TOKEN }, baseEnv(), process.cwd(), quiet);
  assert.equal(quiet.warnings, []);
});

secrets('a --repo that does not parse exits 2 without echoing its credentials', async () => {
  const project = createModelProject();
  writeArtifact(project);
  for (const repo of [` https://oauth2:${TOKEN}@git.example.com/m.git`, `https://oauth2:bad%ZZ${TOKEN}@git.example.com/m.git`, `https://oauth2:${TOKEN}@git.example.com/m.git\n`]) {
    const run = await cli(['publish', '--model-dir', project.dir, '--repo', repo, '--version', 'v1', '--json']);
    assert.is(run.code, 2, run.stderr);
    assert.not.match(run.stderr, '    at ', 'no stack trace');
    for (const form of leakForms(TOKEN)) assert.not.ok((run.stdout + run.stderr).includes(form), `leaked ${form}`);
  }
});

secrets('a remote that never answers fails within --network-timeout, naming the timeout, with and without the preflight', async () => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((socket) => sockets.push(socket)); // accepts, then says nothing
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/mlserver.git`;
  try {
    const project = createModelProject();
    writeArtifact(project);
    for (const extra of [[], ['--skip-preflight']]) {
      const started = Date.now();
      const run = await cli(['publish', '--model-dir', project.dir, '--repo', url, '--version', 'v1', '--network-timeout', '2', ...extra]);
      const seconds = (Date.now() - started) / 1000;
      assert.is(run.code, 4, run.stderr);
      assert.match(run.stderr, /did not answer within 2s|timed out|too slow/i);
      assert.ok(seconds < 15, `gave up after ${seconds}s`);
    }
  } finally {
    sockets.forEach((s) => s.destroy());
    silent.close();
  }
});

const trees = suite('the published tree is always valid git');
trees.after(removeTempDirs);

trees('an artifact folder holding a .git is published without it, and the remote passes git fsck --strict and clones', async () => {
  const project = createModelProject({ parameters: { uri: './model' } });
  const model = path.join(project.dir, 'model');
  mkdirSync(path.join(model, '.git'), { recursive: true });
  writeFileSync(path.join(model, '.git', 'config'), '[core]\n');
  mkdirSync(path.join(model, 'sub', '.GIT'), { recursive: true });
  writeFileSync(path.join(model, 'sub', '.GIT', 'x'), 'x');
  writeFileSync(path.join(model, 'weights.bin'), 'weights');
  const repo = newBareRepo();
  const run = await cli(['publish', '--model-dir', project.dir, '--repo', repo, '--version', 'v1']);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, 'a .git folder cannot be stored in a git tree');
  assert.equal(listFiles(repo).filter((f) => f.startsWith('models/')).sort(), ['models/tiny-v1/model-settings.json', 'models/tiny-v1/model/weights.bin', 'models/tiny-v1/release.json']);
  execFileSync('git', ['-C', repo, 'fsck', '--strict'], { stdio: 'pipe' });
  const clone = path.join(tempDir(), 'clone');
  execFileSync('git', ['clone', '--quiet', repo, clone], { stdio: 'pipe' });
  assert.is(readFileSync(path.join(clone, 'models/tiny-v1/model/weights.bin'), 'utf8'), 'weights');
});

trees('unsafe names are refused before anything is published: uri ".", --models-path .git or absolute, a file name with a newline', async () => {
  const cases: Array<[Record<string, unknown>, string[], string, () => void]> = [
    [{ parameters: { uri: '.' } }, [], 'is the model folder itself', () => undefined],
    [{ parameters: { uri: '' } }, [], 'is the model folder itself', () => undefined],
    [{}, ['--models-path', '.git'], 'is ".git"', () => undefined],
    [{}, ['--models-path', 'models/.Git./x'], 'is ".git"', () => undefined],
    [{}, ['--models-path', '/srv/models'], 'is absolute', () => undefined],
  ];
  for (const [settings, extra, message] of cases) {
    const project = createModelProject(settings);
    writeArtifact(project);
    const repo = newBareRepo();
    const run = await cli(['publish', '--model-dir', project.dir, '--repo', repo, '--version', 'v1', ...extra]);
    assert.is(run.code, 2, `${JSON.stringify(settings)} ${extra}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.is(commitCount(repo), 1);
  }
  const project = createModelProject({ parameters: { uri: './model' } });
  mkdirSync(path.join(project.dir, 'model'));
  writeFileSync(path.join(project.dir, 'model', 'a\nb'), 'x');
  const repo = newBareRepo();
  const run = await cli(['publish', '--model-dir', project.dir, '--repo', repo, '--version', 'v1']);
  assert.is(run.code, 2, run.stderr);
  assert.match(run.stderr, 'contains a NUL or a line break');
  assert.is(commitCount(repo), 1);
});

trees('the bytes published are the bytes read once: a file or symlink changed after staging cannot change them', async () => {
  const project = createModelProject({ parameters: { uri: './model' } });
  const model = path.join(project.dir, 'model');
  mkdirSync(model);
  writeFileSync(path.join(model, 'real.bin'), 'checked bytes');
  symlinkSync('real.bin', path.join(model, 'link.bin'));
  const outside = path.join(tempDir(), 'secret');
  writeFileSync(outside, 'outside the model folder');
  const staging = await createStaging(project.dir, silentLogger());
  try {
    const artifact = await stageArtifact(staging, './model');
    rmSync(path.join(model, 'link.bin'));
    symlinkSync(outside, path.join(model, 'link.bin'));
    writeFileSync(path.join(model, 'real.bin'), 'changed later');
    for (const file of artifact.files) assert.is(readFileSync(file.source, 'utf8'), 'checked bytes', file.path);
    assert.ok(artifact.files.every((file) => file.source.startsWith(staging.dir)));
  } finally {
    await staging.remove();
  }
});

trees('dangling symlinks and symlink loops in the artifact folder are exit 2, not a crash', async () => {
  for (const make of [(dir: string) => symlinkSync('nowhere', path.join(dir, 'dangling')), (dir: string) => symlinkSync('loop', path.join(dir, 'loop'))]) {
    const project = createModelProject({ parameters: { uri: './model' } });
    mkdirSync(path.join(project.dir, 'model'));
    make(path.join(project.dir, 'model'));
    const run = await cli(['publish', '--model-dir', project.dir, '--repo', newBareRepo(), '--version', 'v1']);
    assert.is(run.code, 2, run.stderr);
    assert.match(run.stderr, /symlink (loop|to nowhere)/);
  }
});

const identity = suite('two models never share a folder');
identity.after(removeTempDirs);

identity('model "a" version "b-c" cannot take over "a-b" version "c", even with --force, in a git repo and in a folder', async () => {
  for (const target of ['git', 'folder']) {
    const repo = target === 'git' ? newBareRepo() : tempDir('mlsr-volume-');
    const first = createModelProject({}, 'a-b');
    writeArtifact(first, 'model a-b');
    const published = await cli(['publish', '--model-dir', first.dir, '--repo', repo, '--target', target, '--version', 'c']);
    assert.is(published.code, 0, published.stderr);
    const second = createModelProject({}, 'a');
    writeArtifact(second, 'model a');
    const run = await cli(['publish', '--model-dir', second.dir, '--repo', repo, '--target', target, '--version', 'b-c', '--force']);
    assert.is(run.code, 4, run.stderr);
    assert.match(run.stderr, 'belongs to model "a-b" version "c", not to "a" version "b-c"');
    const weights = target === 'git'
      ? git(['show', 'main:models/a-b-c/model.txt'], repo)
      : readFileSync(path.join(repo, 'models/a-b-c/model.txt'), 'utf8');
    assert.is(weights, 'model a-b', 'the owner\'s version is untouched');
  }
});

identity('racing folder publishes: identical ones all succeed once, different ones leave exactly one winner; racing prunes both succeed', async () => {
  const volume = tempDir('mlsr-volume-');
  const projects = Array.from({ length: 6 }, () => {
    const project = createModelProject();
    writeArtifact(project, 'same weights');
    return project;
  });
  const publish = (dir: string, version: string) => runBundle(['publish', '--model-dir', dir, '--repo', volume, '--target', 'folder', '--version', version, '--json'], baseEnv()).done;
  const same = await Promise.all(projects.map((p) => publish(p.dir, 'v1')));
  assert.equal(same.map((r) => r.code), [0, 0, 0, 0, 0, 0], same.map((r) => r.stderr).join('\n'));
  assert.is(same.filter((r) => JSON.parse(r.stdout).status === 'pushed').length, 1, 'exactly one wrote the folder');

  projects.forEach((p, i) => writeArtifact(p, `weights ${i}`));
  const different = await Promise.all(projects.map((p) => publish(p.dir, 'v2')));
  const codes = different.map((r) => r.code).sort();
  assert.equal(codes, [0, 4, 4, 4, 4, 4], different.map((r) => r.stderr).join('\n'));
  for (const r of different.filter((r) => r.code === 4)) {
    assert.match(r.stderr, 'already published with different content');
    assert.not.match(r.stderr, /ENOTEMPTY|EEXIST/);
  }
  const winner = different.findIndex((r) => r.code === 0);
  assert.is(readFileSync(path.join(volume, 'models/tiny-v2/model.txt'), 'utf8'), `weights ${winner}`);

  const prunes = await Promise.all([0, 1].map(() => runBundle(['prune', '--repo', volume, '--target', 'folder', '--keep', '1', '--yes'], baseEnv()).done));
  assert.equal(prunes.map((r) => r.code), [0, 0], prunes.map((r) => r.stderr).join('\n'));
});

const early = suite('everything knowable before training fails before training');
early.after(removeTempDirs);

early('bad branch names, keyword parameters and --output-notebook equal to the notebook are exit 2 before the notebook', async () => {
  const project = createModelProject();
  const repo = newBareRepo();
  const cases: Array<[string[], string]> = [
    [['--branch', 'bad..name'], 'is not a valid git branch name'],
    [['--branch=-x'], 'is not a valid git branch name'],
    [['--param', 'class=1'], 'is a Python keyword'],
    [['--output-notebook', project.notebookPath], 'is the input notebook'],
  ];
  for (const [extra, message] of cases) {
    const run = await cli(['release', '--model-dir', project.dir, '--repo', repo, '--version', 'v1', '--runner', 'nbconvert', ...extra]);
    assert.is(run.code, 2, `${extra}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.not.match(run.stderr, '== Notebook');
  }
  assert.is(commitCount(repo), 1);
  assert.is(git(['rev-parse', 'main'], repo).length > 0, true);
});

early('--review against a repository with no commits is refused before the notebook, with what to do', async () => {
  const root = tempDir('mlsr-empty-');
  const server = await new GitHttpServer({ projectRoot: root, users: { 'x-access-token': { password: TOKEN, access: 'write' } } }).start();
  createServedRepo(root, 'empty.git');
  try {
    const project = createModelProject();
    const run = await cli(['release', '--model-dir', project.dir, '--repo', `${server.url}/empty.git`, '--token', TOKEN, '--host-type', 'github', '--review', '--version', 'v1', '--runner', 'nbconvert']);
    assert.is(run.code, 4, run.stderr);
    assert.match(run.stderr, 'has no commits yet');
    assert.match(run.stderr, 'create the branch first');
    assert.not.match(run.stderr, '== Notebook');
  } finally {
    await server.stop();
  }
});

secrets.run();
trees.run();
identity.run();
early.run();
