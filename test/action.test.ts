/**
 * The built bundle started the way GitHub's runner starts a `uses:` step: the
 * runner's environment, INPUT_* variables and temp files for outputs and summary.
 */
import { execFileSync } from 'node:child_process';
import { parseOutputs, runActionBundle } from './helpers/action-runner.js';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import AjvModule from 'ajv';
import YAML from 'yaml';
import { actionInputs, readActionInputs } from '../src/action.js';
import { reportOf } from '../src/reports.js';
import type { ReleaseResult } from '../src/commands/release.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { createServedRepo, GitHttpServer } from './helpers/git-http-server.js';
import { git, listFiles, newBareRepo, seedBareRepo } from './helpers/git-repos.js';
import { assertNoLeak } from './helpers/leak-watch.js';
import { createMetricsProject, createModelProject, writeArtifact } from './helpers/model-project.js';

const TOKEN = 'ghp_Act10nT0ken+/=';
const actionYml: Record<string, any> = YAML.parse(readFileSync('action.yml', 'utf8'));

interface Ctx {
  server: GitHttpServer;
  root: string;
}
const action = suite<Ctx>('GitHub Action');

action.before(async (ctx) => {
  ctx.root = tempDir('mlsr-served-');
  ctx.server = await new GitHttpServer({ projectRoot: ctx.root, users: { 'x-access-token': { password: TOKEN, access: 'write' } } }).start();
  seedBareRepo(createServedRepo(ctx.root, 'models.git'));
});
action.after(async (ctx) => {
  await ctx.server.stop();
  removeTempDirs();
});


function runAction(ctx: Ctx, inputs: Record<string, string>) {
  return runActionBundle(inputs, {
    GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.2.3', GITHUB_REPOSITORY: 'ds/tiny',
    // The model repo is served from this "GitHub" host, so commit links are built for it.
    GITHUB_SERVER_URL: ctx.server.url, GITHUB_RUN_ID: '42', GITHUB_SHA: 'f00d',
  });
}

action('releases, sets every output in the runner format, writes the summary and masks the token', async (ctx) => {
  const project = createModelProject();
  writeArtifact(project);
  const run = await runAction(ctx, { repo: `${ctx.server.url}/models.git`, token: TOKEN, 'model-dir': project.dir, runner: 'none' });
  assert.is(run.status, 0, run.stdout + run.stderr);
  const outputs = parseOutputs(run.outputs);
  const commit = outputs.commit;
  assert.is(commit, git(['rev-parse', 'main'], path.join(ctx.root, 'models.git')).trim(), 'the output names the pushed commit');
  assert.equal(Object.keys(outputs).sort(), Object.keys(actionYml.outputs).sort());
  assert.is(outputs.model, 'tiny');
  assert.is(outputs.version, 'v1.2.3');
  assert.is(outputs.folder, 'models/tiny-v1.2.3');
  assert.is(outputs.endpoint, '/v2/models/tiny/versions/v1.2.3/infer');
  assert.is(outputs['already-published'], 'false');
  assert.match(commit, /^[0-9a-f]{40}$/);

  assert.match(run.summary, '### Released tiny v1.2.3');
  assert.match(run.summary, `| Commit | [\`${commit.slice(0, 12)}\`](${ctx.server.url}/models/commit/${commit}) |`);
  assert.match(run.summary, 'curl -s -X POST http://localhost:8080/v2/models/tiny/versions/v1.2.3/infer');

  assert.match(run.stdout, `::add-mask::${TOKEN}`, 'the runner is told to mask the token');
  assert.match(run.stdout, '::group::Plan');
  assert.match(run.stdout, '::endgroup::');
  const withoutMaskCommands = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
  assertNoLeak(withoutMaskCommands + run.stderr + run.outputs + run.summary, TOKEN, 'the Action output');
});

action('bad settings fail with exit 2 and an error annotation on model-settings.json', async (ctx) => {
  const project = createModelProject({ implementation: 'not valid' });
  writeArtifact(project);
  const run = await runAction(ctx, { repo: `${ctx.server.url}/models.git`, token: TOKEN, 'model-dir': project.dir, runner: 'none' });
  assert.is(run.status, 2);
  assert.match(run.stdout, `::error file=${project.settingsPath}::`);
  assert.match(run.stdout, 'dotted Python import path');
  // A failed step still says what happened (#20): status and exit code, and none of a release's outputs.
  const outputs = parseOutputs(run.outputs);
  assert.is(outputs.status, 'failed');
  assert.is(outputs['exit-code'], '2');
  assert.is(outputs.folder, '', 'no release outputs on failure');
});

action('a JSON syntax error is annotated at its line and column, through @actions/core', async (ctx) => {
  const project = createModelProject();
  writeArtifact(project);
  writeFileSync(project.settingsPath, '{\n  "name": "tiny",\n  "implementation" "x"\n}\n');
  const run = await runAction(ctx, { repo: `${ctx.server.url}/models.git`, token: TOKEN, 'model-dir': project.dir, runner: 'none' });
  assert.is(run.status, 2);
  assert.match(run.stdout, `::error file=${project.settingsPath},line=3,col=20::`);
  assert.match(run.stdout, 'is not valid JSON at line 3, column 20: colon expected');
});

action('command: promote copies a version between two stores and sets the outputs, source included', async (ctx) => {
  const staging = newBareRepo();
  const project = createModelProject();
  writeArtifact(project);
  const published = await runAction(ctx, { repo: staging, 'model-dir': project.dir, runner: 'none', version: 'v1', 'check-load': 'never' });
  assert.is(published.status, 0, published.stdout);
  const production = newBareRepo();
  const run = await runAction(ctx, { command: 'promote', from: staging, to: production, model: 'tiny', version: 'v1', 'make-default': 'true' });
  assert.is(run.status, 0, run.stdout);
  const outputs = parseOutputs(run.outputs);
  assert.is(outputs.folder, 'models/tiny-v1');
  assert.match(outputs.source, new RegExp(`^${staging}@[0-9a-f]{40}$`));
  assert.is(outputs['already-published'], 'false');
  assert.ok(listFiles(production).includes('models/tiny/model.txt'), 'the default copy is there too');
  assert.match(run.summary, 'Promoted tiny v1');
});

action('metrics: the job summary shows the comparison table and the metrics output is JSON', async (ctx) => {
  const project = createMetricsProject();
  const repo = newBareRepo();
  const run = await runAction(ctx, { repo, 'model-dir': project.dir, runner: 'nbconvert', version: 'v1', 'check-load': 'never', require: 'accuracy>=0.5' });
  assert.is(run.status, 0, run.stdout);
  assert.match(run.summary, '#### Metrics');
  assert.match(run.summary, '| accuracy | — | 0.9 | new |');
  assert.equal(JSON.parse(parseOutputs(run.outputs).metrics), { accuracy: 0.9, f1_macro: 0.8, 'details.n': 10, ok: true });
});

action('a wrong token fails with exit 4', async (ctx) => {
  const project = createModelProject();
  writeArtifact(project);
  const run = await runAction(ctx, { repo: `${ctx.server.url}/models.git`, token: 'wrong-token-value', 'model-dir': project.dir, runner: 'none' });
  assert.is(run.status, 4);
  assert.match(run.stdout, '::error::Preflight');
});

action.run();

const contract = suite('action.yml contract');

contract('every input in action.yml is read, and no other', () => {
  assert.equal(actionInputs().sort(), Object.keys(actionYml.inputs).sort());
});

contract('every input reaches the release options', () => {
  const values: Record<string, string> = {
    repo: '/r', token: 't0ken', version: 'v1', 'model-dir': 'm', settings: 's.json', notebook: 'n.ipynb', branch: 'b',
    'models-path': 'mp', runner: 'nbconvert', params: 'a=1\nb=2', 'output-notebook': 'o.ipynb', timeout: '30',
    'git-user-name': 'N', 'git-user-email': 'e@x', 'dry-run': 'true', force: 'true', 'skip-preflight': 'true',
    via: 'api', review: 'true', 'host-type': 'gitlab', 'api-url': 'https://gl.example.com',
    target: 'folder', 'reload-url': 'http://ml:8080', 'verify-url': 'http://ml:8080', 'verify-timeout': '60',
    'verify-headers': 'X-Key: abcd1234', request: 'req.json', expect: 'exp.json',
    'mlserver-version': '1.3', 'check-load': 'always', 'check-load-timeout': '45', 'network-timeout': '30', layout: 'name/version', metrics: 'm.json', 'report-figures': 'all', require: 'accuracy>=0.9\nf1>0.5', 'no-regression': 'accuracy:0.01', baseline: 'v0', 's3-endpoint': 'http://minio:9000', 's3-path-style': 'true', rollout: 'kserve', 'manifests-repo': '/m', 'manifests-token': 'mt0ken', 'manifests-path': 'deploy/x', namespace: 'ml', canary: '10',
  };
  const saved = { ...process.env };
  try {
    for (const [name, value] of Object.entries(values)) process.env[`INPUT_${name.toUpperCase()}`] = value;
    const options = readActionInputs();
    assert.equal(options, {
      repo: '/r', token: 't0ken', version: 'v1', modelDir: 'm', settings: 's.json', notebook: 'n.ipynb', branch: 'b',
      modelsPath: 'mp', runner: 'nbconvert', params: ['a=1', 'b=2'], outputNotebook: 'o.ipynb', timeout: 30,
      gitUserName: 'N', gitUserEmail: 'e@x', dryRun: true, force: true, skipPreflight: true,
      via: 'api', review: true, hostType: 'gitlab', apiUrl: 'https://gl.example.com',
      target: 'folder', reloadUrl: 'http://ml:8080', verifyUrl: 'http://ml:8080', verifyTimeout: 60,
      verifyHeaders: ['X-Key: abcd1234'], request: 'req.json', expect: 'exp.json',
      mlserverVersion: '1.3', checkLoad: 'always', checkLoadTimeout: 45, networkTimeout: 30, layout: 'name/version', metrics: 'm.json', reportFigures: 'all', require: ['accuracy>=0.9', 'f1>0.5'], noRegression: ['accuracy:0.01'], baseline: 'v0', s3Endpoint: 'http://minio:9000', s3PathStyle: true, rollout: 'kserve', manifestsRepo: '/m', manifestsToken: 'mt0ken', manifestsPath: 'deploy/x', namespace: 'ml', canary: '10',
    });
  } finally {
    process.env = saved;
  }
});

contract('every output in action.yml is set from the result', () => {
  const outputs = reportOf('release', { model: 'm', version: 'v', folder: 'f', endpoint: 'e', alreadyPublished: false, status: 'pushed', pushed: true } as ReleaseResult, {}).outputs;
  assert.equal(Object.keys(outputs).sort(), Object.keys(actionYml.outputs).sort());
});

contract('action.yml validates against SchemaStore\'s github-action schema', () => {
  const Ajv = AjvModule as unknown as typeof AjvModule.default;
  const schema = JSON.parse(readFileSync('test/fixtures/schemastore/github-action.json', 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate(actionYml), JSON.stringify(validate.errors, null, 2));
  // The check can fail: an input without a description, or an unknown runtime, is refused.
  assert.not.ok(validate({ ...actionYml, inputs: { ...actionYml.inputs, extra: { default: 'x' } } }));
  assert.not.ok(validate({ ...actionYml, runs: { using: 'node9', main: 'dist/index.js' } }));
});

contract('runs on node24 from the committed bundle', () => {
  assert.equal(actionYml.runs, { using: 'node24', main: 'dist/index.js' });
  assert.ok(actionYml.branding?.icon && actionYml.description);
});

contract('GitHub\'s own runner emulation, @github/local-action, runs the Action from source and gets its outputs', () => {
  const project = createModelProject();
  writeArtifact(project);
  const repo = newBareRepo();
  const dotenv = path.join(tempDir(), '.env');
  writeFileSync(dotenv, [`INPUT_REPO=${repo}`, `INPUT_MODEL-DIR=${project.dir}`, 'INPUT_VERSION=v1', 'INPUT_RUNNER=none', 'INPUT_CHECK-LOAD=never', 'GITHUB_ACTIONS=true'].join('\n') + '\n');
  const out = execFileSync(process.execPath, ['node_modules/@github/local-action/bin/local-action.js', 'run', process.cwd(), 'src/action.ts', dotenv], {
    encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  }).replace(/\x1b\[[0-9;]*m/g, '');
  assert.match(out, '::set-output name=folder::models/tiny-v1');
  assert.match(out, '::set-output name=endpoint::/v2/models/tiny/versions/v1/infer');
  assert.match(out, /Action Outputs[^]*'already-published'[^]*'false'/);
  assert.ok(listFiles(repo).includes('models/tiny-v1/model.txt'), 'the release really landed');
});

contract.run();
