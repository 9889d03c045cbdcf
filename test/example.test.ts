/**
 * The example project, end to end through the built bundle, configured the way
 * the seed's GitLab job is: MLSERVER_REPO, CI_COMMIT_TAG, GIT_USER_*, $VERSAO.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import YAML from 'yaml';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { listFiles, newBareRepo, readFile } from './helpers/git-repos.js';

test.after(removeTempDirs);

test('the example trains, publishes and the published model predicts the right categories', () => {
  const project = path.join(tempDir(), 'classificador-produtos');
  cpSync('examples/classificador-produtos', project, { recursive: true, filter: (src) => !/\.executed\.ipynb$|\.joblib$/.test(src) });
  const repo = newBareRepo();
  const run = spawnSync('node', [path.resolve('dist/index.js'), 'release'], {
    cwd: project,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, GITLAB_CI: 'true', CI_COMMIT_TAG: 'v1.0.0',
      MLSERVER_REPO: repo, GIT_USER_NAME: 'Equipe ML', GIT_USER_EMAIL: 'ml@example.com',
    },
  });
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, 'Released classificador-produtos v1.0.0');
  assert.match(run.stdout, 'POST /v2/models/classificador-produtos/versions/v1.0.0/infer');

  const folder = 'models/classificador-produtos-v1.0.0';
  assert.equal(listFiles(repo).filter((f) => f.startsWith(folder)), [
    `${folder}/classificador-produtos.joblib`, `${folder}/model-settings.json`, `${folder}/release.json`, `${folder}/report/1-cell8.png`,
  ]);
  const metrics = JSON.parse(readFile(repo, `${folder}/release.json`)).metrics;
  assert.ok(metrics.accuracy > 0.8 && metrics.f1_macro > 0.8, JSON.stringify(metrics));

  // v1.0.1 follows: the release compares its metrics with v1.0.0's.
  const next = spawnSync('node', [path.resolve('dist/index.js'), 'release', '--no-regression', 'accuracy:0.05'], {
    cwd: project, encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GITLAB_CI: 'true', CI_COMMIT_TAG: 'v1.0.1', MLSERVER_REPO: repo, GIT_USER_NAME: 'Equipe ML', GIT_USER_EMAIL: 'ml@example.com' },
  });
  assert.is(next.status, 0, next.stderr);
  assert.match(next.stdout, /metric\s+baseline \(v1\.0\.0\)\s+this version \(v1\.0\.1\)\s+change\n\s*accuracy\s+/);
  assert.is(JSON.parse(readFile(repo, `${folder}/model-settings.json`)).parameters.version, 'v1.0.0');

  // Load the published artifact the way MLServer's scikit-learn runtime does, and predict.
  const served = tempDir();
  execFileSync('git', ['clone', '--quiet', repo, served]);
  const request = JSON.parse(readFileSync(path.join(project, 'inference-request.json'), 'utf8'));
  const script = `import joblib, json, sys\nm = joblib.load(sys.argv[1])\nprint(json.dumps(list(m.predict(json.loads(sys.argv[2])))))`;
  writeFileSync(path.join(served, 'predict.py'), script);
  const predictions = execFileSync('/usr/bin/python3', [path.join(served, 'predict.py'), path.join(served, folder, 'classificador-produtos.joblib'), JSON.stringify(request.inputs[0].data)], { encoding: 'utf8' });
  assert.equal(JSON.parse(predictions), ['maquiagem', 'game', 'livro']);
});

test('the example CI files release on tags, serialise releases and use this tool', () => {
  const workflow = YAML.parse(readFileSync('examples/classificador-produtos/.github/workflows/release-model.yml', 'utf8'));
  assert.equal(workflow.on.push.tags, ['v*']);
  // Serialised on the publishing job, not across promote's approval wait (#20).
  assert.is(workflow.jobs.release.concurrency['cancel-in-progress'], false);
  const step = workflow.jobs.release.steps.find((s: { uses?: string }) => s.uses?.includes('mlserver-release'));
  const actionInputs = Object.keys(YAML.parse(readFileSync('action.yml', 'utf8')).inputs);
  assert.ok(Object.keys(step.with).every((input) => actionInputs.includes(input)), 'the workflow only uses declared inputs');

  const gitlab = YAML.parse(readFileSync('examples/classificador-produtos/.gitlab-ci.yml', 'utf8'))['release-model'];
  assert.equal(gitlab.rules, [{ if: '$CI_COMMIT_TAG' }]);
  assert.ok(gitlab.resource_group);
  assert.ok(gitlab.script.some((line: string) => /npx .*mlserver-release.* release$/.test(line)));
  assert.is(gitlab.artifacts.reports.dotenv, 'mlserver-release.env');

  const template = readFileSync('templates/gitlab/mlserver-release.yml', 'utf8');
  const job = YAML.parse(template)['.mlserver-release'];
  assert.is(job.artifacts.reports.dotenv, 'mlserver-release.env');
  for (const variable of ['MLSERVER_REPO', 'MLSERVER_REPO_TOKEN', 'GIT_USER_NAME', 'MLSERVER_RELEASE_MODELS_PATH']) assert.match(template, `#   ${variable}`);
});

test.run();
