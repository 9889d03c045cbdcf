import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detectProvider } from '../../src/providers/index.js';
import { github, githubContext } from '../../src/providers/github.js';
import { Logger } from '../../src/log.js';
import { Capture } from '../helpers/capture.js';
import { dotenvText, gitlab } from '../../src/providers/gitlab.js';
import { local } from '../../src/providers/local.js';
import { reportOf } from '../../src/reports.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { git, newBareRepo } from '../helpers/git-repos.js';
import { assertNoLeak } from '../helpers/leak-watch.js';
import { createModelProject, writeArtifact } from '../helpers/model-project.js';

test.after(removeTempDirs);

test('detect picks the provider for each CI and falls back to local', () => {
  assert.is(detectProvider({ GITHUB_ACTIONS: 'true' }).name, 'github');
  assert.is(detectProvider({ GITLAB_CI: 'true', CI_COMMIT_TAG: 'v1' }).name, 'gitlab');
  assert.is(detectProvider({ GITHUB_ACTIONS: 'false' }).name, 'local');
  assert.is(detectProvider({}).name, 'local');
});

test('github context: the tag only when the ref is a tag, and the run URL', () => {
  const ctx = githubContext({ GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2', GITHUB_REPOSITORY: 'o/r', GITHUB_SERVER_URL: 'https://ghe.example.com', GITHUB_RUN_ID: '9', GITHUB_SHA: 'abc' });
  assert.equal(ctx, { tag: 'v2', sourceRepository: 'https://ghe.example.com/o/r', sourceCommit: 'abc', jobUrl: 'https://ghe.example.com/o/r/actions/runs/9' });
  assert.is(githubContext({ GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' }).tag, undefined);
});

test('local context reads the tag, commit and credential-free origin from git', async () => {
  const work = tempDir();
  git(['init', '--quiet', '-b', 'main', work]);
  git(['commit', '--quiet', '--allow-empty', '-m', 'x'], work);
  git(['tag', 'v0.3.0'], work);
  git(['remote', 'add', 'origin', 'https://user:s3cret@git.example.com/ds/model.git'], work);
  const ctx = await local.context({ env: { PATH: process.env.PATH }, cwd: work });
  assert.is(ctx.tag, 'v0.3.0');
  assert.match(ctx.sourceCommit ?? '', /^[0-9a-f]{40}$/);
  assert.is(ctx.sourceRepository, 'https://git.example.com/ds/model.git');
});

test('github: outputs and summary go to the files the injected env names; without GITHUB_STEP_SUMMARY a warning, not a failure', async () => {
  const dir = tempDir();
  const result = { model: 'tiny', version: 'v1', folder: 'models/tiny-v1', repo: '/r', endpoint: '/v2/models/tiny/versions/v1/infer', files: [], warnings: [], status: 'pushed', pushed: true, alreadyPublished: false } as never;
  const outputs = path.join(dir, 'out');
  const summary = path.join(dir, 'summary.md');
  const log = new Logger({ stream: new Capture() });
  await github.publishReport(reportOf('release', result, {}), { env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary }, cwd: dir, log });
  assert.match(readFileSync(outputs, 'utf8'), /^folder<<ghadelimiter_[0-9a-f-]+\nmodels\/tiny-v1\nghadelimiter_/m);
  assert.match(readFileSync(summary, 'utf8'), 'models/tiny-v1');
  const bare = new Logger({ stream: new Capture() });
  await github.publishReport(reportOf('release', result, {}), { env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputs }, cwd: dir, log: bare });
  assert.ok(bare.warnings.some((w) => w.includes('GITHUB_STEP_SUMMARY is not set')), bare.warnings.join('\n'));
});

test('dotenv keys are MLSERVER_<OUTPUT>', () => {
  assert.is(dotenvText({ model: 'm', 'already-published': 'false' }), 'MLSERVER_MODEL=m\nMLSERVER_ALREADY_PUBLISHED=false\n');
});

test('GitLab CI via npx: dotenv report, collapsible sections, no GitHub mask commands, exit codes', () => {
  const project = createModelProject();
  writeArtifact(project);
  const repo = newBareRepo();
  const token = 'glpat-N0tPr1nted';
  const env = {
    PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '',
    GITLAB_CI: 'true', CI_COMMIT_TAG: 'v4.0.0', CI_PROJECT_URL: 'https://gitlab.example.com/ds/tiny',
    CI_JOB_URL: 'https://gitlab.example.com/ds/tiny/-/jobs/1', CI_SERVER_URL: 'https://gitlab.example.com',
    MLSERVER_REPO: repo, MLSERVER_REPO_TOKEN: token,
  };
  const run = spawnSync('node', [path.resolve('dist/index.js'), 'publish'], { cwd: project.dir, env, encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  const dotenv = readFileSync(path.join(project.dir, 'mlserver-release.env'), 'utf8');
  assert.match(dotenv, 'MLSERVER_MODEL=tiny\n');
  assert.match(dotenv, 'MLSERVER_VERSION=v4.0.0\n');
  assert.match(dotenv, 'MLSERVER_ENDPOINT=/v2/models/tiny/versions/v4.0.0/infer\n');
  assert.match(dotenv, /MLSERVER_COMMIT=[0-9a-f]{40}\n/);
  assert.match(run.stderr, /\u001b\[0Ksection_start:\d+:plan\[collapsed=false\]\r\u001b\[0KPlan/);
  assert.match(run.stderr, /\u001b\[0Ksection_end:\d+:publish\r/);
  assert.match(run.stderr, 'section_start', 'the summary section');
  assert.match(run.stderr, 'release_summary');
  assert.not.match(run.stdout + run.stderr, '::add-mask::');
  assertNoLeak(run.stdout + run.stderr + dotenv, token, 'GitLab output');

  // A verb that only reads writes no dotenv, so it never replaces the release's report a later job needs.
  const listed = spawnSync('node', [path.resolve('dist/index.js'), 'list'], { cwd: project.dir, env, encoding: 'utf8' });
  assert.is(listed.status, 0, listed.stderr);
  assert.match(readFileSync(path.join(project.dir, 'mlserver-release.env'), 'utf8'), 'MLSERVER_VERSION=v4.0.0\n');

  const bad = spawnSync('node', [path.resolve('dist/index.js'), 'publish', '--version', 'bad/version', '--dotenv', 'other.env'], { cwd: project.dir, env, encoding: 'utf8' });
  assert.is(bad.status, 2);
  assert.match(bad.stderr, 'ERROR:');
  assert.not.ok(existsSync(path.join(project.dir, 'other.env')));
});

test('GitLab CI: outputs are redacted in the dotenv as in the log, so a URL\'s password never reaches a later job', async () => {
  const log = new Logger({ stream: new Capture() });
  log.redactor.add('pwSECRET42');
  const report = { ...reportOf('promote', { model: 'm', version: 'v', folder: 'f', endpoint: 'e', alreadyPublished: false, status: 'pushed', pushed: true, source: 'https://u:pwSECRET42@gitlab.example.com/ds/s.git' } as never, {}) };
  const cwd = tempDir();
  await gitlab.publishReport(report, { env: {}, cwd, log } as never);
  const dotenv = readFileSync(path.join(cwd, 'mlserver-release.env'), 'utf8');
  assert.match(dotenv, 'MLSERVER_SOURCE=https://u:***@gitlab.example.com/ds/s.git');
  assert.not.match(dotenv, 'pwSECRET42');
});

test('GitLab CI: the manual promote job runs the bundle with the release job\'s dotenv and writes its own', () => {
  const project = createModelProject();
  writeArtifact(project);
  const staging = newBareRepo();
  const production = newBareRepo();
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GITLAB_CI: 'true', CI_SERVER_URL: 'https://gitlab.example.com' };
  const released = spawnSync('node', [path.resolve('dist/index.js'), 'publish', '--repo', staging, '--check-load', 'never'], { cwd: project.dir, env: { ...base, CI_COMMIT_TAG: 'v5.0.0' }, encoding: 'utf8' });
  assert.is(released.status, 0, released.stderr);
  // `needs:` hands the release job's dotenv to the promote job as variables; there is no tag in a pipeline's manual job.
  const upstream = Object.fromEntries(readFileSync(path.join(project.dir, 'mlserver-release.env'), 'utf8').trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
  const promoted = spawnSync('node', [path.resolve('dist/index.js'), 'promote', '--model', 'tiny', '--make-default', '--dotenv', 'promote.env'], {
    cwd: project.dir, env: { ...base, ...upstream, MLSERVER_STAGING_REPO: staging, MLSERVER_PRODUCTION_REPO: production }, encoding: 'utf8',
  });
  assert.is(promoted.status, 0, promoted.stderr);
  const dotenv = readFileSync(path.join(project.dir, 'promote.env'), 'utf8');
  assert.match(dotenv, 'MLSERVER_VERSION=v5.0.0\n');
  assert.match(dotenv, new RegExp(`MLSERVER_SOURCE=${staging}@[0-9a-f]{40}\n`));
  assert.match(git(['log', '-1', '--format=%s', 'main'], production), 'Make tiny v5.0.0 the default');
});

test.run();
