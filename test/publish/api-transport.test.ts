import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { createServedRepo, GitHttpServer } from '../helpers/git-http-server.js';
import { commitCount, git, listFiles, newBareRepo, readFile, seedBareRepo } from '../helpers/git-repos.js';
import { GITHUB_FAULTS, GITLAB_FAULTS, HostApiStandIn } from '../helpers/host-api-standin.js';
import { assertNoLeak } from '../helpers/leak-watch.js';
import { createMetricsProject, createModelProject, writeArtifact, type ModelProject } from '../helpers/model-project.js';

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
  ctx.api = await new HostApiStandIn({ root: ctx.root, token: TOKEN, protectedBranches: ['locked'], rulesetBranches: ['ruled'] }).start();
  ctx.gitServer = await new GitHttpServer({ projectRoot: ctx.root, users: { 'x-access-token': { password: TOKEN, access: 'write' }, oauth2: { password: TOKEN, access: 'write' } } }).start();
});
api.before.each((ctx) => {
  ctx.project = createModelProject();
  writeArtifact(ctx.project, 'weights');
});
api.after.each((ctx) => {
  // Every request the tool sent and every answer the GitHub stand-in gave must match GitHub's description.
  const problems = ctx.api.github.openapiProblems.splice(0);
  assert.equal(problems, [], problems.join('\n'));
});
api.after(async (ctx) => {
  await ctx.api.stop();
  await ctx.gitServer.stop();
  removeTempDirs();
});

/** Env for the stand-ins: GitLab's API at CI_SERVER_URL, and no second between GitHub writes (tests only). */
const envFor = (ctx: Ctx) => baseEnv({ CI_SERVER_URL: ctx.api.url, MLSERVER_RELEASE_GITHUB_WRITE_INTERVAL_MS: '0' });

/** Copies `folder` from one bare repository onto `branch` of another, as a competing release would land. */
function landFolderFrom(from: string, to: string, folder: string, branch = 'main'): void {
  git(['fetch', '--quiet', from, 'main:refs/twin'], to);
  const env = { ...process.env, GIT_AUTHOR_NAME: 'other', GIT_AUTHOR_EMAIL: 'o@x', GIT_COMMITTER_NAME: 'other', GIT_COMMITTER_EMAIL: 'o@x', GIT_INDEX_FILE: path.join(to, 'tmp-index') };
  const run = (args: string[], input?: string) => execFileSync('git', args, { cwd: to, env, input, encoding: 'utf8' }).trim();
  run(['read-tree', branch]);
  run(['--work-tree', tempDir(), 'read-tree', `--prefix=${folder}/`, `refs/twin:${folder}`]);
  run(['update-ref', `refs/heads/${branch}`, run(['commit-tree', run(['write-tree']), '-p', branch], 'competing release\n')]);
  run(['update-ref', '-d', 'refs/twin']);
}

/** Commits one file onto `branch` of a bare repository. */
function commitFile(dir: string, branch: string, file: string, content: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'other', GIT_AUTHOR_EMAIL: 'o@x', GIT_COMMITTER_NAME: 'other', GIT_COMMITTER_EMAIL: 'o@x', GIT_INDEX_FILE: path.join(dir, 'tmp-index') };
  const run = (args: string[], input?: string) => execFileSync('git', args, { cwd: dir, env, input, encoding: 'utf8' }).trim();
  run(['read-tree', branch]);
  run(['update-index', '--add', '--cacheinfo', `100644,${run(['hash-object', '-w', '--stdin'], content)},${file}`]);
  run(['update-ref', `refs/heads/${branch}`, run(['commit-tree', run(['write-tree']), '-p', branch], 'edit\n')]);
}

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
    const env = envFor(ctx);
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
  const run = await cli(github(ctx, repo.name, '--via', 'api', '--version', 'v1', '--git-user-name', 'Ana', '--git-user-email', 'ana@example.com'), { env: envFor(ctx) });
  assert.is(run.code, 0, run.stderr);
  assert.equal(listFiles(repo.dir).filter((f) => f.startsWith('models/')), ['models/tiny-v1/model-settings.json', 'models/tiny-v1/model.txt', 'models/tiny-v1/release.json']);
  assert.is(readFile(repo.dir, 'models/tiny-v1/model.txt'), 'weights');
  assert.is(git(['log', '-1', '--format=%s|%an', 'main'], repo.dir).trim(), 'Release model tiny v1|Ana');
  assert.is(JSON.parse(run.stdout).commit, git(['rev-parse', 'main'], repo.dir).trim());
  const again = await cli(github(ctx, repo.name, '--via', 'api', '--version', 'v1'), { env: envFor(ctx) });
  assert.is(JSON.parse(again.stdout).status, 'already-published');
  assert.is(commitCount(repo.dir), 2);
  assertNoLeak(run.stdout + run.stderr + again.stdout + again.stderr, TOKEN, 'output');
});

api('GitLab: a direct commit through the Commits API, with the host from CI_SERVER_URL', async (ctx) => {
  const repo = repoFor(ctx, 'ml');
  // The git URL points at the git server; the API lives elsewhere, as a self-hosted CI_SERVER_URL says.
  const run = await cli(gitlab(ctx, repo.name, '--via', 'api', '--version', 'v1'), { env: envFor(ctx) });
  assert.is(run.code, 0, run.stderr);
  assert.is(readFile(repo.dir, 'models/tiny-v1/model.txt'), 'weights');
  writeArtifact(ctx.project, 'weights 2');
  const forced = await cli(gitlab(ctx, repo.name, '--via', 'api', '--version', 'v1', '--force'), { env: envFor(ctx) });
  assert.is(forced.code, 0, forced.stderr);
  assert.is(readFile(repo.dir, 'models/tiny-v1/model.txt'), 'weights 2', 'updated through an "update" action');
  assertNoLeak(run.stdout + run.stderr, TOKEN, 'output');
});

for (const host of ['github', 'gitlab'] as const) {
  api(`${host}: review mode opens one request, and a rerun reuses it`, async (ctx) => {
    const repo = repoFor(ctx, host === 'github' ? 'acme' : 'ml');
    const argv = (host === 'github' ? github : gitlab)(ctx, repo.name, '--via', 'api', '--review', '--version', 'v2');
    const env = envFor(ctx);
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
  const run = await cli(argv, { env: envFor(ctx) });
  assert.is(run.code, 0, run.stderr);
  assert.ok(listFiles(repo.dir, 'release/tiny-v3').includes('models/tiny-v3/model.txt'));
  assert.match(JSON.parse(run.stdout).reviewUrl, /\/pull\/\d+$/);
  const count = ctx.api.reviews.length;
  const again = await cli(argv, { env: envFor(ctx) });
  assert.is(again.code, 0, again.stderr);
  assert.is(ctx.api.reviews.length, count, 'reused');
});

api('a protected branch or a ruleset gives exit 4 and suggests --review, on both hosts; nothing is retried', async (ctx) => {
  for (const branch of ['locked', 'ruled']) {
    const gh = repoFor(ctx, 'acme');
    git(['branch', branch, 'main'], gh.dir);
    const ghRun = await cli(github(ctx, gh.name, '--via', 'api', '--version', 'v1', '--branch', branch), { env: envFor(ctx) });
    assert.is(ghRun.code, 4, ghRun.stderr);
    assert.match(ghRun.stderr, 'pass --review');
    assert.not.match(ghRun.stderr, 'moved while committing');
  }
  const gl = repoFor(ctx, 'ml');
  git(['branch', 'locked', 'main'], gl.dir);
  const glRun = await cli(gitlab(ctx, gl.name, '--via', 'api', '--version', 'v1', '--branch', 'locked'), { env: envFor(ctx) });
  assert.is(glRun.code, 4, glRun.stderr);
  assert.match(glRun.stderr, 'You are not allowed to push into this branch');
  assert.match(glRun.stderr, 'pass --review');
});

for (const host of ['github', 'gitlab'] as const) {
  api(`${host}: list and prune work through --via api`, async (ctx) => {
    const repo = repoFor(ctx, host === 'github' ? 'acme' : 'ml');
    const args = host === 'github' ? github : gitlab;
    for (const v of ['v1', 'v2', 'v3']) {
      writeArtifact(ctx.project, `weights ${v}`);
      const run = await cli(args(ctx, repo.name, '--via', 'api', '--version', v, ...(v === 'v3' ? ['--layout', 'name/version'] : [])), { env: envFor(ctx) });
      assert.is(run.code, 0, run.stderr);
    }
    // The same repository options, without publish's own (drop 'publish', '--model-dir', DIR and '--json').
    const where = args(ctx, repo.name).slice(3).filter((a) => a !== '--json');
    const listed = await cli(['list', ...where, '--via', 'api', '--json'], { env: envFor(ctx) });
    assert.is(listed.code, 0, listed.stderr);
    assert.equal(JSON.parse(listed.stdout).models[0].versions.map((v: { version: string }) => v.version), ['v1', 'v2', 'v3']);
    const before = commitCount(repo.dir);
    const pruned = await cli(['prune', ...where, '--via', 'api', '--keep', '1', '--yes', '--json'], { env: envFor(ctx) });
    assert.is(pruned.code, 0, pruned.stderr);
    assert.is(commitCount(repo.dir), before + 1, 'one commit');
    assert.equal(listFiles(repo.dir).filter((f) => f.startsWith('models/')).sort(), ['models/tiny/v3/model-settings.json', 'models/tiny/v3/model.txt', 'models/tiny/v3/release.json']);
  });
}

for (const host of ['github', 'gitlab'] as const) {
  api(`${host}: promote into the API store with --review opens one request; the source is a plain git repository`, async (ctx) => {
    const staging = newBareRepo();
    writeArtifact(ctx.project, 'staged weights');
    const released = await cli(['publish', '--model-dir', ctx.project.dir, '--repo', staging, '--version', 'v4', '--check-load', 'never']);
    assert.is(released.code, 0, released.stderr);
    const repo = repoFor(ctx, host === 'github' ? 'acme' : 'ml');
    const to = host === 'github' ? `${ctx.gitServer.url}/acme/${repo.name}.git` : `${ctx.gitServer.url}/ml/${repo.name}.git`;
    const run = await cli(['promote', '--model', 'tiny', '--version', 'v4', '--from', staging, '--to', to, '--to-token', TOKEN, '--to-via', 'api', '--to-host-type', host,
      ...(host === 'github' ? ['--to-api-url', `${ctx.api.url}/api/v3`] : []), '--review', '--json'], { env: envFor(ctx) });
    assert.is(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.match(result.reviewUrl, /\/(pull|merge_requests)\/\d+$/);
    assert.is(readFile(repo.dir, 'models/tiny-v4/model.txt', 'promote/tiny/v4'), 'staged weights');
    assert.is(readFile(repo.dir, 'models/tiny-v4/release.json', 'promote/tiny/v4'), readFile(staging, 'models/tiny-v4/release.json'));
    assert.is(ctx.api.reviews.at(-1)!.title, 'Promote model tiny v4');
  });
}

api('GitHub review: the body carries the metrics table and the figures, linked through the review commit (a permalink, #20)', async (ctx) => {
  const repo = repoFor(ctx, 'acme');
  const project = createMetricsProject();
  const run = await cli(['release', '--model-dir', project.dir, '--runner', 'nbconvert', '--check-load', 'never', ...github(ctx, repo.name, '--via', 'api', '--review', '--version', 'v1').slice(3)], { env: envFor(ctx) });
  assert.is(run.code, 0, run.stderr);
  const body = ctx.api.reviews.at(-1)!.body;
  assert.match(body, '| metric | baseline (none) | this version (v1) | change |');
  assert.match(body, '| accuracy | — | 0.9 | new |');
  // Linked through the commit, never the branch a merge deletes.
  const commit = git(['rev-parse', 'release/tiny-v1'], repo.dir).trim();
  assert.match(body, `![report/1-cell8.png](${ctx.gitServer.url}/acme/${repo.name}/raw/${commit}/models/tiny-v1/report/1-cell8.png)`);
  assert.ok(listFiles(repo.dir, 'release/tiny-v1').includes('models/tiny-v1/report/1-cell8.png'));
});

for (const host of ['github', 'gitlab'] as const) {
  api(`${host}: rollout into a manifests repository through the API with --review opens a request`, async (ctx) => {
    const repo = repoFor(ctx, host === 'github' ? 'acme' : 'ml');
    const url = host === 'github' ? `${ctx.gitServer.url}/acme/${repo.name}.git` : `${ctx.gitServer.url}/ml/${repo.name}.git`;
    const run = await cli(['rollout', '--platform', 'seldon', '--model-dir', ctx.project.dir, '--version', 'v1', '--storage-uri', 's3://models/x/tiny-v1',
      '--manifests-repo', url, '--manifests-token', TOKEN, '--manifests-via', 'api', '--host-type', host, ...(host === 'github' ? ['--api-url', `${ctx.api.url}/api/v3`] : []), '--review', '--json'], { env: envFor(ctx) });
    assert.is(run.code, 0, run.stderr);
    assert.match(JSON.parse(run.stdout).reviewUrl, /\/(pull|merge_requests)\/\d+$/);
    assert.match(readFile(repo.dir, 'deploy/tiny/seldon.yaml', 'rollout/tiny/v1'), 'storageUri: s3://models/x/tiny-v1');
    assert.is(ctx.api.reviews.at(-1)!.title, 'Roll out model tiny v1 on seldon: deploy');
  });
}

api('GitHub: a 422 on the ref update that is neither protection nor a moved branch is reported, not retried as a race', async (ctx) => {
  const repo = repoFor(ctx, 'acme');
  ctx.api.injectFault({
    status: 422,
    when: (method, pathname) => method === 'PATCH' && pathname.includes('/git/refs/'),
    body: { message: 'Object does not exist', documentation_url: 'https://docs.github.com/rest/git/refs#update-a-reference', status: '422' },
  });
  const run = await cli(github(ctx, repo.name, '--via', 'api', '--version', 'v1'), { env: envFor(ctx) });
  assert.is(run.code, 4, run.stderr);
  assert.match(run.stderr, 'Object does not exist');
  assert.not.match(run.stderr, 'moved while committing');
  assert.is(commitCount(repo.dir), 1);
});

api('GitHub rate limits are waited out as GitHub asks, and never called a permission problem', async (ctx) => {
  const repo = repoFor(ctx, 'acme');
  ctx.api.injectFault(GITHUB_FAULTS.primaryRateLimit(1));
  ctx.api.injectFault(GITHUB_FAULTS.secondaryRateLimit(1));
  const started = Date.now();
  const run = await cli(github(ctx, repo.name, '--via', 'api', '--version', 'v1'), { env: envFor(ctx) });
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, 'GitHub primary rate limit');
  assert.match(run.stderr, 'GitHub secondary rate limit');
  assert.ok(Date.now() - started >= 2000, 'both waits were honoured');

  // A limit that resets in an hour is not waited for: it is reported as what it is.
  ctx.api.injectFault(GITHUB_FAULTS.primaryRateLimit(3600));
  const exhausted = await cli(github(ctx, repo.name, '--via', 'api', '--version', 'v2'), { env: envFor(ctx) });
  assert.is(exhausted.code, 4, exhausted.stderr);
  assert.match(exhausted.stderr, /rate-limited the token .*resets in 36\d\ds/);
  assert.not.match(exhausted.stderr, /protected|may not write/);
});

api('GitLab 429 is retried once by the tool after Retry-After, not ten times at once by gitbeaker; 502 is retried too', async (ctx) => {
  const repo = repoFor(ctx, 'ml');
  const before = ctx.api.requests.length;
  ctx.api.injectFault(GITLAB_FAULTS.rateLimit(1));
  ctx.api.injectFault(GITLAB_FAULTS.serverError());
  const started = Date.now();
  const run = await cli(gitlab(ctx, repo.name, '--via', 'api', '--version', 'v1'), { env: envFor(ctx) });
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, 'answered HTTP 429 (rate limited); retrying in 1.0s');
  assert.match(run.stderr, 'answered HTTP 502');
  assert.ok(Date.now() - started >= 1000, 'Retry-After was honoured');
  const faulted = ctx.api.requests.slice(before).filter((r) => r.status === 429 || r.status === 502);
  assert.is(faulted.length, 2, 'each fault was seen once: no stacked retry loop');
});

api('GitLab: the same release landing between read and commit ends as already-published; different content as a conflict', async (ctx) => {
  const repo = repoFor(ctx, 'ml');
  const other = repoFor(ctx, 'ml');
  // Publish the identical folder to a twin repository, then graft it into this one right before our commit.
  const twin = await cli(gitlab(ctx, other.name, '--via', 'api', '--version', 'v1'), { env: envFor(ctx) });
  assert.is(twin.code, 0, twin.stderr);
  ctx.api.beforeNextRefUpdate = (dir) => landFolderFrom(other.dir, dir, 'models/tiny-v1');
  const same = await cli(gitlab(ctx, repo.name, '--via', 'api', '--version', 'v1'), { env: envFor(ctx) });
  assert.is(same.code, 0, same.stderr);
  assert.is(JSON.parse(same.stdout).status, 'already-published');
  assert.match(same.stderr, 'A file with this name already exists');

  const third = repoFor(ctx, 'ml');
  ctx.api.beforeNextRefUpdate = (dir) => landFolderFrom(other.dir, dir, 'models/tiny-v1');
  writeArtifact(ctx.project, 'different weights');
  const conflict = await cli(gitlab(ctx, third.name, '--via', 'api', '--version', 'v1'), { env: envFor(ctx) });
  assert.is(conflict.code, 4, conflict.stderr);
  assert.match(conflict.stderr, 'already published on main with different content');
  assert.not.match(conflict.stderr, 'HTTP 400');
});

api('GitLab: --force sends last_commit_id, and a file changed meanwhile is re-read and replaced', async (ctx) => {
  const repo = repoFor(ctx, 'ml');
  assert.is((await cli(gitlab(ctx, repo.name, '--via', 'api', '--version', 'v1'), { env: envFor(ctx) })).code, 0);
  ctx.api.beforeNextRefUpdate = (dir, branch) => commitFile(dir, branch, 'models/tiny-v1/model.txt', 'someone else');
  writeArtifact(ctx.project, 'forced weights');
  const run = await cli(gitlab(ctx, repo.name, '--via', 'api', '--version', 'v1', '--force'), { env: envFor(ctx) });
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, 'The file has changed since you started editing it');
  assert.is(readFile(repo.dir, 'models/tiny-v1/model.txt'), 'forced weights');
  assert.ok(ctx.api.bodies.some((b) => b.includes('"last_commit_id"')), 'update actions carry last_commit_id');
});

for (const host of ['github', 'gitlab'] as const) {
  api(`${host}: a duplicate request answer (GitHub 422, GitLab 409) means "reuse the open one"`, async (ctx) => {
    const repo = repoFor(ctx, host === 'github' ? 'acme' : 'ml');
    ctx.api.beforeNextReview = (dir, source, target) => void ctx.api.addReview(dir, source, target, 'opened by another run', '', `${ctx.api.url}/other`);
    const run = await cli((host === 'github' ? github : gitlab)(ctx, repo.name, '--via', 'api', '--review', '--version', 'v7'), { env: envFor(ctx) });
    assert.is(run.code, 0, run.stderr);
    assert.match(run.stderr, 'reusing');
    assert.match(JSON.parse(run.stdout).reviewUrl, `${ctx.api.url}/other/`);
    assert.is(ctx.api.reviews.filter((r) => r.repo === repo.dir).length, 1);
  });
}

api('GitLab: start_branch on a review branch that appeared meanwhile commits on that branch', async (ctx) => {
  const repo = repoFor(ctx, 'ml');
  ctx.api.beforeNextRefUpdate = (dir) => git(['branch', 'release/tiny-v8', 'main'], dir);
  const run = await cli(gitlab(ctx, repo.name, '--via', 'api', '--review', '--version', 'v8'), { env: envFor(ctx) });
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, "A branch called 'release/tiny-v8' already exists");
  assert.ok(listFiles(repo.dir, 'release/tiny-v8').includes('models/tiny-v8/model.txt'));
});

api('GitLab: the repository tree is read page by page, following the Link headers', async (ctx) => {
  const repo = repoFor(ctx, 'ml');
  const project = createModelProject({ parameters: { uri: './model' } });
  mkdirSync(path.join(project.dir, 'model'));
  for (let i = 0; i < 230; i++) writeFileSync(path.join(project.dir, 'model', `part-${String(i).padStart(3, '0')}.bin`), `part ${i}`);
  const argv = (...extra: string[]) => gitlab(ctx, repo.name, '--via', 'api', '--version', 'v1', ...extra).map((a) => (a === ctx.project.dir ? project.dir : a));
  assert.is((await cli(argv(), { env: envFor(ctx) })).code, 0);
  const before = ctx.api.requests.length;
  const again = await cli(argv(), { env: envFor(ctx) });
  assert.is(JSON.parse(again.stdout).status, 'already-published', again.stderr);
  const treePages = ctx.api.requests.slice(before).filter((r) => r.path.endsWith('/repository/tree'));
  assert.ok(treePages.length >= 3, `read ${treePages.length} pages`);
});

api('GitLab under a relative URL (https://host/gitlab): the API base comes from CI_API_V4_URL, the project path from the instance root', async (ctx) => {
  const prefixed = await new HostApiStandIn({ root: ctx.root, token: TOKEN, gitlabPrefix: '/gitlab' }).start();
  try {
    const repo = repoFor(ctx, 'ml');
    const argv = ['publish', '--model-dir', ctx.project.dir, '--token', TOKEN, '--host-type', 'gitlab', '--via', 'api', '--version', 'v1', '--json',
      '--repo', `${prefixed.url}/gitlab/ml/${repo.name}.git`];
    const run = await cli(argv, { env: baseEnv({ CI_API_V4_URL: `${prefixed.url}/gitlab/api/v4` }) });
    assert.is(run.code, 0, run.stderr);
    assert.is(readFile(repo.dir, 'models/tiny-v1/model.txt'), 'weights');
    assert.ok(prefixed.requests.every((r) => r.path.startsWith('/gitlab/api/v4/projects/ml%2F')), prefixed.requests.map((r) => r.path).join('\n'));
  } finally {
    await prefixed.stop();
  }
});

api('empty repositories and missing projects: exit 4 with what to do, never a retried 500', async (ctx) => {
  for (const [args, owner] of [[github, 'acme'], [gitlab, 'ml']] as const) {
    const name = `empty${++counter}`;
    mkdirSync(path.join(ctx.root, owner), { recursive: true });
    createServedRepo(path.join(ctx.root, owner), `${name}.git`);
    const empty = await cli(args(ctx, name, '--via', 'api', '--version', 'v1'), { env: envFor(ctx) });
    assert.is(empty.code, 4, empty.stderr);
    assert.match(empty.stderr, 'has no commits yet');
    const before = ctx.api.requests.length;
    const missing = await cli(args(ctx, 'no-such-project', '--via', 'api', '--version', 'v1'), { env: envFor(ctx) });
    assert.is(missing.code, 4, missing.stderr);
    assert.match(missing.stderr, 'not found');
    assert.is(ctx.api.requests.slice(before).length, 1, 'asked once');
    assert.ok(ctx.api.requests.slice(before).every((r) => r.status === 404));
  }
});

api('a GitLab CI_JOB_TOKEN is refused for --via api and --review before the notebook, and the stand-in refuses job tokens as GitLab does', async (ctx) => {
  const repo = repoFor(ctx, 'ml');
  const run = await cli(['release', '--model-dir', ctx.project.dir, '--runner', 'nbconvert', '--token', TOKEN, '--host-type', 'gitlab', '--via', 'api', '--version', 'v1',
    '--repo', `${ctx.gitServer.url}/ml/${repo.name}.git`], { env: baseEnv({ CI_SERVER_URL: ctx.api.url, CI_JOB_TOKEN: TOKEN }) });
  assert.is(run.code, 2, run.stderr);
  assert.match(run.stderr, 'A GitLab CI_JOB_TOKEN cannot publish through the API');
  assert.not.match(run.stderr, '== Notebook');
  const direct = await fetch(`${ctx.api.url}/api/v4/projects/ml%2F${repo.name}`, { headers: { 'JOB-TOKEN': TOKEN } });
  assert.is(direct.status, 403);
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
  const run = await cli(github(ctx, repo.name, '--via', 'api', '--version', 'v5'), { env: envFor(ctx) });
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
  const run = await cli(argv, { env: envFor(ctx) });
  assert.is(run.code, 4);
  assert.match(run.stderr, 'rejected the token (HTTP 401)');
  assertNoLeak(run.stdout + run.stderr, wrong, 'output');
});

api.run();
