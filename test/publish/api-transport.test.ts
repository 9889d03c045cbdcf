import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { createServedRepo, GitHttpServer } from '../helpers/git-http-server.js';
import { commitCount, git, listFiles, readFile, seedBareRepo } from '../helpers/git-repos.js';
import { HostApiStandIn } from '../helpers/host-api-standin.js';
import { assertNoLeak } from '../helpers/leak-watch.js';
import { createModelProject, writeArtifact, type ModelProject } from '../helpers/model-project.js';

const TOKEN = 'api-T0ken+/=value';

interface Ctx {
  root: string;
  api: HostApiStandIn;
  gitServer: GitHttpServer;
  project: ModelProject;
}

const api = suite<Ctx>('publishing through the host APIs');

let counter = 0;
/** A fresh bare repo at <root>/<owner>/<name>.git, seeded like a real model repo. */
function repoFor(ctx: Ctx, owner: string): { dir: string; name: string } {
  const name = `models${++counter}`;
  mkdirSync(path.join(ctx.root, owner), { recursive: true });
  const dir = createServedRepo(path.join(ctx.root, owner), `${name}.git`);
  seedBareRepo(dir);
  return { dir, name };
}

api.before(async (ctx) => {
  ctx.root = tempDir('mlsr-hosts-');
  ctx.api = await new HostApiStandIn({ root: ctx.root, token: TOKEN, protectedBranches: ['locked'] }).start();
  ctx.gitServer = await new GitHttpServer({ projectRoot: ctx.root, users: { 'x-access-token': { password: TOKEN, access: 'write' }, oauth2: { password: TOKEN, access: 'write' } } }).start();
});
api.before.each((ctx) => {
  ctx.project = createModelProject();
  writeArtifact(ctx.project, 'weights');
});
api.after(async (ctx) => {
  await ctx.api.stop();
  await ctx.gitServer.stop();
  removeTempDirs();
});

const github = (ctx: Ctx, name: string, ...extra: string[]) => [
  'publish', '--model-dir', ctx.project.dir, '--token', TOKEN, '--host-type', 'github', '--api-url', `${ctx.api.url}/api/v3`,
  '--repo', `${ctx.gitServer.url}/acme/${name}.git`, '--json', ...extra,
];
const gitlab = (ctx: Ctx, name: string, ...extra: string[]) => [
  'publish', '--model-dir', ctx.project.dir, '--token', TOKEN, '--host-type', 'gitlab',
  '--repo', `${ctx.gitServer.url}/ml/${name}.git`, '--json', ...extra,
];

api('a folder owned by another model is refused through both APIs, even with --force', async (ctx) => {
  for (const [args, owner] of [[github, 'acme'], [gitlab, 'ml']] as const) {
    const repo = repoFor(ctx, owner);
    const first = createModelProject({}, 'a-b');
    writeArtifact(first, 'model a-b');
    const env = baseEnv({ CI_SERVER_URL: ctx.api.url });
    const one = await cli([...args(ctx, repo.name, '--version', 'c', '--via', 'api')].map((a) => (a === ctx.project.dir ? first.dir : a)), { env });
    assert.is(one.code, 0, one.stderr);
    const second = createModelProject({}, 'a');
    writeArtifact(second, 'model a');
    const two = await cli([...args(ctx, repo.name, '--version', 'b-c', '--via', 'api', '--force')].map((a) => (a === ctx.project.dir ? second.dir : a)), { env });
    assert.is(two.code, 4, two.stderr);
    assert.match(two.stderr, 'belongs to model "a-b" version "c"');
    assert.is(readFile(repo.dir, 'models/a-b-c/model.txt'), 'model a-b');
  }
});

api('GitHub: a direct commit through the Git Data API, then a no-op rerun', async (ctx) => {
  const repo = repoFor(ctx, 'acme');
  const run = await cli(github(ctx, repo.name, '--via', 'api', '--version', 'v1', '--git-user-name', 'Ana', '--git-user-email', 'ana@example.com'));
  assert.is(run.code, 0, run.stderr);
  assert.equal(listFiles(repo.dir).filter((f) => f.startsWith('models/')), ['models/tiny-v1/model-settings.json', 'models/tiny-v1/model.txt', 'models/tiny-v1/release.json']);
  assert.is(readFile(repo.dir, 'models/tiny-v1/model.txt'), 'weights');
  assert.is(git(['log', '-1', '--format=%s|%an', 'main'], repo.dir).trim(), 'Release model tiny v1|Ana');
  assert.is(JSON.parse(run.stdout).commit, git(['rev-parse', 'main'], repo.dir).trim());
  const again = await cli(github(ctx, repo.name, '--via', 'api', '--version', 'v1'));
  assert.is(JSON.parse(again.stdout).status, 'already-published');
  assert.is(commitCount(repo.dir), 2);
  assertNoLeak(run.stdout + run.stderr + again.stdout + again.stderr, TOKEN, 'output');
});

api('GitLab: a direct commit through the Commits API, with the host from CI_SERVER_URL', async (ctx) => {
  const repo = repoFor(ctx, 'ml');
  // The git URL points at the git server; the API lives elsewhere, as a self-hosted CI_SERVER_URL says.
  const run = await cli(gitlab(ctx, repo.name, '--via', 'api', '--version', 'v1'), { env: baseEnv({ CI_SERVER_URL: ctx.api.url }) });
  assert.is(run.code, 0, run.stderr);
  assert.is(readFile(repo.dir, 'models/tiny-v1/model.txt'), 'weights');
  writeArtifact(ctx.project, 'weights 2');
  const forced = await cli(gitlab(ctx, repo.name, '--via', 'api', '--version', 'v1', '--force'), { env: baseEnv({ CI_SERVER_URL: ctx.api.url }) });
  assert.is(forced.code, 0, forced.stderr);
  assert.is(readFile(repo.dir, 'models/tiny-v1/model.txt'), 'weights 2', 'updated through an "update" action');
  assertNoLeak(run.stdout + run.stderr, TOKEN, 'output');
});

for (const host of ['github', 'gitlab'] as const) {
  api(`${host}: review mode opens one request, and a rerun reuses it`, async (ctx) => {
    const repo = repoFor(ctx, host === 'github' ? 'acme' : 'ml');
    const argv = (host === 'github' ? github : gitlab)(ctx, repo.name, '--via', 'api', '--review', '--version', 'v2');
    const env = baseEnv({ CI_SERVER_URL: ctx.api.url });
    const before = ctx.api.reviews.length;
    const first = await cli(argv, { env });
    assert.is(first.code, 0, first.stderr);
    const result = JSON.parse(first.stdout);
    assert.match(result.reviewUrl, /\/(pull|merge_requests)\/\d+$/);
    assert.is(commitCount(repo.dir, 'main'), 1, 'the target branch is untouched');
    assert.ok(listFiles(repo.dir, 'release/tiny-v2').includes('models/tiny-v2/model.txt'));
    const review = ctx.api.reviews.at(-1)!;
    assert.is(review.title, 'Release model tiny v2');
    assert.is(review.source, 'release/tiny-v2');
    assert.is(review.target, 'main');
    for (const expected of ['models/tiny-v2/', 'POST /v2/models/tiny/versions/v2/infer', 'sha256', '7 bytes']) assert.match(review.body, expected);

    const second = await cli(argv, { env });
    assert.is(second.code, 0, second.stderr);
    assert.is(JSON.parse(second.stdout).reviewUrl, result.reviewUrl, 'the same request is reported');
    assert.is(ctx.api.reviews.length, before + 1, 'no duplicate request');
    assert.is(commitCount(repo.dir, 'release/tiny-v2'), 2, 'no second commit on the release branch');
  });
}

api('review through git: the branch is pushed with git and the request opened through the API', async (ctx) => {
  const repo = repoFor(ctx, 'acme');
  const argv = github(ctx, repo.name, '--review', '--version', 'v3');
  const run = await cli(argv);
  assert.is(run.code, 0, run.stderr);
  assert.ok(listFiles(repo.dir, 'release/tiny-v3').includes('models/tiny-v3/model.txt'));
  assert.match(JSON.parse(run.stdout).reviewUrl, /\/pull\/\d+$/);
  const count = ctx.api.reviews.length;
  const again = await cli(argv);
  assert.is(again.code, 0, again.stderr);
  assert.is(ctx.api.reviews.length, count, 'reused');
});

api('a protected branch gives exit 4 and suggests --review, on both hosts', async (ctx) => {
  const gh = repoFor(ctx, 'acme');
  git(['branch', 'locked', 'main'], gh.dir);
  const ghRun = await cli(github(ctx, gh.name, '--via', 'api', '--version', 'v1', '--branch', 'locked'));
  assert.is(ghRun.code, 4, ghRun.stderr);
  assert.match(ghRun.stderr, 'Use --review');
  const gl = repoFor(ctx, 'ml');
  git(['branch', 'locked', 'main'], gl.dir);
  const glRun = await cli(gitlab(ctx, gl.name, '--via', 'api', '--version', 'v1', '--branch', 'locked'), { env: baseEnv({ CI_SERVER_URL: ctx.api.url }) });
  assert.is(glRun.code, 4, glRun.stderr);
  assert.match(glRun.stderr, 'HTTP 403');
  assert.match(glRun.stderr, 'Use --review');
});

api('429 with Retry-After is waited out and retried', async (ctx) => {
  const repo = repoFor(ctx, 'acme');
  ctx.api.injectFault(429, '1');
  const started = Date.now();
  const run = await cli(github(ctx, repo.name, '--via', 'api', '--version', 'v1'));
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, 'answered HTTP 429; retrying in 1000ms');
  assert.ok(Date.now() - started >= 1000, 'the Retry-After second was honoured');
});

api('the branch moving between read and update is rebuilt on the new head and lands', async (ctx) => {
  const repo = repoFor(ctx, 'acme');
  ctx.api.beforeNextRefUpdate = (dir, branch) => {
    // Someone else's release lands first.
    const env = { ...process.env, GIT_AUTHOR_NAME: 'other', GIT_AUTHOR_EMAIL: 'o@x', GIT_COMMITTER_NAME: 'other', GIT_COMMITTER_EMAIL: 'o@x' };
    const run = (args: string[], input?: string) => execFileSync('git', args, { cwd: dir, env, input, encoding: 'utf8' }).trim();
    const blob = run(['hash-object', '-w', '--stdin'], 'other');
    const sub = run(['mktree'], `100644 blob ${blob}\tmodel.txt\n`);
    const models = run(['mktree'], `040000 tree ${sub}\tother-v1\n`);
    const root = run(['mktree'], `${run(['ls-tree', branch])}\n040000 tree ${models}\tmodels\n`);
    run(['update-ref', `refs/heads/${branch}`, run(['commit-tree', root, '-p', branch], 'other release\n')]);
  };
  const run = await cli(github(ctx, repo.name, '--via', 'api', '--version', 'v5'));
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, 'moved while committing');
  const files = listFiles(repo.dir);
  assert.ok(files.includes('models/other-v1/model.txt') && files.includes('models/tiny-v5/model.txt'), 'both releases are there');
  assert.is(git(['log', '--format=%s', 'main'], repo.dir).trim().split('\n')[0], 'Release model tiny v5');
  assertNoLeak(ctx.api.requests.map((r) => r.path).join('\n'), TOKEN, 'request paths');
});

api('a wrong token is rejected with exit 4 and never printed', async (ctx) => {
  const repo = repoFor(ctx, 'acme');
  const wrong = 'wrong-api-T0ken';
  const argv = github(ctx, repo.name, '--via', 'api', '--version', 'v1');
  argv[argv.indexOf(TOKEN)] = wrong;
  const run = await cli(argv);
  assert.is(run.code, 4);
  assert.match(run.stderr, 'rejected the token (HTTP 401)');
  assertNoLeak(run.stdout + run.stderr, wrong, 'output');
});

api.run();
