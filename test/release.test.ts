import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from './helpers/capture.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { createServedRepo, GitHttpServer } from './helpers/git-http-server.js';
import { commitCount, git, listFiles, newBareRepo, readFile, seedBareRepo } from './helpers/git-repos.js';
import { assertNoLeak } from './helpers/leak-watch.js';
import { createModelProject, createPapermillRecorder, writeArtifact } from './helpers/model-project.js';

const pipeline = suite('release pipeline to a bare repo');
pipeline.after(removeTempDirs);

const gitlabEnv = { GITLAB_CI: 'true', CI_COMMIT_TAG: 'v1.0.0', CI_PROJECT_URL: 'https://gitlab.example.com/ds/tiny', CI_COMMIT_SHA: 'abc123', CI_JOB_URL: 'https://gitlab.example.com/ds/tiny/-/jobs/7' };

pipeline('runs the notebook for real, renders the version and publishes the folder; a rerun is a no-op', async () => {
  const project = createModelProject();
  const repo = newBareRepo();
  const run = await cli(['release', '--model-dir', project.dir, '--repo', repo, '--json', '--runner', 'nbconvert'], { env: baseEnv(gitlabEnv) });
  assert.is(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.is(result.status, 'pushed');
  assert.is(result.version, 'v1.0.0', 'the version came from CI_COMMIT_TAG');
  assert.is(result.folder, 'models/tiny-v1.0.0');
  assert.is(result.endpoint, '/v2/models/tiny/versions/v1.0.0/infer');
  assert.is(result.executedNotebook, path.join(project.dir, 'tiny.executed.ipynb'));
  assert.ok(existsSync(result.executedNotebook));
  assert.is(git(['rev-parse', 'main'], repo).trim(), result.commit);
  assert.is(git(['log', '-1', '--format=%s', 'main'], repo).trim(), 'Release model tiny v1.0.0');

  const settings = JSON.parse(readFile(repo, 'models/tiny-v1.0.0/model-settings.json'));
  assert.equal(settings.parameters, { uri: './model.txt', version: 'v1.0.0' });
  assert.is(readFile(repo, 'models/tiny-v1.0.0/model.txt'), 'tiny v1.0.0 weights int');
  assert.is(JSON.parse(readFileSync(project.settingsPath, 'utf8')).parameters.version, '$VERSAO', "the user's file is untouched");

  const record = JSON.parse(readFile(repo, 'models/tiny-v1.0.0/release.json'));
  assert.is(record.tool, 'mlserver-release');
  assert.is(record.artifact.sha256, createHash('sha256').update('tiny v1.0.0 weights int').digest('hex'));
  assert.equal(record.source, { repository: gitlabEnv.CI_PROJECT_URL, commit: 'abc123', tag: 'v1.0.0', jobUrl: gitlabEnv.CI_JOB_URL });
  assert.ok(!Number.isNaN(Date.parse(record.releasedAt)));

  const again = await cli(['release', '--model-dir', project.dir, '--repo', repo, '--json', '--runner', 'nbconvert'], { env: baseEnv(gitlabEnv) });
  assert.is(again.code, 0, again.stderr);
  assert.is(JSON.parse(again.stdout).status, 'already-published');
  assert.is(commitCount(repo), 2, 'no second commit');
});

pipeline('a failing cell exits 3, names the cell and pushes nothing', async () => {
  const project = createModelProject();
  const repo = newBareRepo();
  const run = await cli(['release', '--model-dir', project.dir, '--repo', repo, '--version', 'v1', '--runner', 'nbconvert', '--param', 'fail=True']);
  assert.is(run.code, 3);
  assert.match(run.stderr, 'Notebook cell 5 of 6 (`if fail:`) raised ValueError: training diverged');
  assert.match(run.stderr, path.join(project.dir, 'tiny.executed.ipynb'));
  assert.is(commitCount(repo), 1);
});

pipeline('a dry run prints the plan and changes nothing', async () => {
  const project = createModelProject();
  const repo = newBareRepo();
  const run = await cli(['release', '--model-dir', project.dir, '--repo', repo, '--version', 'v3', '--dry-run', '--git-user-name', 'Ana']);
  assert.is(run.code, 0, run.stderr);
  for (const expected of ['models/tiny-v3/model-settings.json', 'models/tiny-v3/model.txt', 'models/tiny-v3/release.json', '"Release model tiny v3" as Ana', `push to  ${repo}`, 'tiny.ipynb']) {
    assert.match(run.stderr, expected);
  }
  assert.match(run.stdout, 'Dry run of tiny v3: nothing was changed');
  assert.not.ok(existsSync(path.join(project.dir, 'model.txt')), 'the notebook did not run');
  assert.is(commitCount(repo), 1);
});

pipeline('different content for a published version exits 4 unless --force', async () => {
  const project = createModelProject();
  const repo = newBareRepo();
  writeArtifact(project, 'one');
  assert.is((await cli(['publish', '--model-dir', project.dir, '--repo', repo, '--version', 'v1'])).code, 0);
  writeArtifact(project, 'two');
  const refused = await cli(['publish', '--model-dir', project.dir, '--repo', repo, '--version', 'v1']);
  assert.is(refused.code, 4);
  assert.match(refused.stderr, 'already published on main with different content');
  assert.match(refused.stderr, '--force');
  const forced = await cli(['publish', '--model-dir', project.dir, '--repo', repo, '--version', 'v1', '--force']);
  assert.is(forced.code, 0, forced.stderr);
  assert.is(readFile(repo, 'models/tiny-v1/model.txt'), 'two');
});

pipeline('the papermill path runs through the whole pipeline', async () => {
  const project = createModelProject();
  const repo = newBareRepo();
  const recorder = createPapermillRecorder();
  const run = await cli(['release', '--model-dir', project.dir, '--repo', repo, '--version', 'v9', '--timeout', '60'], {
    env: baseEnv({ PATH: `${recorder.binDir}:${process.env.PATH}` }),
  });
  assert.is(run.code, 0, run.stderr);
  assert.is(recorder.calls().length, 1);
  assert.is(readFile(repo, 'models/tiny-v9/model.txt'), 'papermill-made');
});

pipeline('publishes to a non-default branch and models path given by env', async () => {
  const project = createModelProject();
  writeArtifact(project);
  const repo = newBareRepo();
  const work = tempDir();
  git(['clone', '--quiet', repo, work]);
  git(['push', '--quiet', 'origin', 'main:staging'], work);
  const run = await cli(['publish', '--model-dir', project.dir, '--version', 'v2'], {
    env: baseEnv({ MLSERVER_REPO: repo, MLSERVER_RELEASE_BRANCH: 'staging', MLSERVER_RELEASE_MODELS_PATH: 'serving/models/' }),
  });
  assert.is(run.code, 0, run.stderr);
  assert.ok(listFiles(repo, 'staging').includes('serving/models/tiny-v2/model.txt'));
  assert.is(commitCount(repo, 'main'), 1);
});

pipeline.run();

interface HttpContext {
  server: GitHttpServer;
  root: string;
}
const TOKEN = 'glpat-Sup3r+Secret/Value=';
const overHttp = suite<HttpContext>('release over smart HTTP with credentials');

overHttp.before(async (ctx) => {
  ctx.root = tempDir('mlsr-served-');
  ctx.server = await new GitHttpServer({
    projectRoot: ctx.root,
    users: { oauth2: { password: TOKEN, access: 'write' }, reader: { password: 'read-only-token', access: 'read' } },
  }).start();
  seedBareRepo(createServedRepo(ctx.root, 'mlserver.git'));
});
overHttp.after(async (ctx) => {
  await ctx.server.stop();
  removeTempDirs();
});

overHttp('the seed style MLSERVER_REPO with user:token in the URL works and never prints the token', async (ctx) => {
  const project = createModelProject();
  writeArtifact(project);
  const url = ctx.server.url.replace('http://', `http://oauth2:${encodeURIComponent(TOKEN)}@`) + '/mlserver.git';
  const run = await cli(['publish', '--model-dir', project.dir, '--json'], {
    env: baseEnv({ MLSERVER_REPO: url, CI_COMMIT_TAG: 'v1', GIT_USER_NAME: 'CI Bot', GIT_USER_EMAIL: 'ci@example.com' }),
  });
  assert.is(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.is(result.repo, `${ctx.server.url}/mlserver.git`, 'credentials were moved out of the URL');
  assert.is(git(['log', '-1', '--format=%an <%ae>', 'main'], path.join(ctx.root, 'mlserver.git')).trim(), 'CI Bot <ci@example.com>');
  assertNoLeak(run.stdout + run.stderr, TOKEN, 'output');
});

const preflightCases: Array<[string, string, string | undefined, number, string]> = [
  ['a wrong token', 'mlserver.git', 'not-the-token', 4, 'rejected the credentials (HTTP 401)'],
  ['a token that can only read', 'mlserver.git', 'read-only-token', 4, 'refused to let these credentials push (HTTP 403)'],
  ['a repository that does not exist', 'missing.git', TOKEN, 4, 'repository not found'],
];

for (const [what, repoName, token, code, message] of preflightCases) {
  overHttp(`preflight stops ${what} before the notebook runs`, async (ctx) => {
    const project = createModelProject();
    const user = token === 'read-only-token' ? 'reader' : 'oauth2';
    const url = `${ctx.server.url.replace('http://', `http://${user}@`)}/${repoName}`;
    const run = await cli(['release', '--model-dir', project.dir, '--repo', url, '--version', 'v1', '--token', token ?? ''], { env: baseEnv() });
    assert.is(run.code, code, run.stderr);
    assert.match(run.stderr, message);
    assert.not.ok(existsSync(path.join(project.dir, 'tiny.executed.ipynb')), 'no training was wasted');
    if (token) assertNoLeak(run.stdout + run.stderr, token, 'output');
  });
}

overHttp('preflight names a missing branch', async (ctx) => {
  const project = createModelProject();
  const run = await cli(['release', '--model-dir', project.dir, '--repo', `${ctx.server.url}/mlserver.git`, '--version', 'v1', '--branch', 'prod'], {
    env: baseEnv({ MLSERVER_REPO_TOKEN: TOKEN, CI_SERVER_URL: ctx.server.url }),
  });
  assert.is(run.code, 4);
  assert.match(run.stderr, 'Branch "prod" does not exist');
});

overHttp.run();
