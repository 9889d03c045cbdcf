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

test('the example trains, publishes, tells the accent story in its metrics, gates a regression, and the published model predicts', () => {
  const project = path.join(tempDir(), 'classificador-produtos');
  cpSync('examples/classificador-produtos', project, { recursive: true, filter: (src) => !/\.executed\.ipynb$|\.joblib$/.test(src) });
  const repo = newBareRepo();
  const release = (tag: string, ...args: string[]) => spawnSync('node', [path.resolve('dist/index.js'), 'release', ...args], {
    cwd: project,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, GITLAB_CI: 'true', CI_COMMIT_TAG: tag,
      MLSERVER_REPO: repo, GIT_USER_NAME: 'Equipe ML', GIT_USER_EMAIL: 'ml@example.com',
    },
  });
  // v1.0.0 is the course's first release: before the unidecode fix.
  const first = release('v1.0.0', '--param', 'normalizar_acentos=False');
  assert.is(first.status, 0, first.stderr);
  assert.match(first.stdout, 'Released classificador-produtos v1.0.0');
  assert.match(first.stdout, 'POST /v2/models/classificador-produtos/versions/v1.0.0/infer');

  const folder = 'models/classificador-produtos-v1.0.0';
  assert.equal(listFiles(repo).filter((f) => f.startsWith(folder)), [
    `${folder}/classificador-produtos.joblib`, `${folder}/model-settings.json`, `${folder}/release.json`, `${folder}/report/1-cell8.png`,
  ]);
  const before = JSON.parse(readFile(repo, `${folder}/release.json`)).metrics;
  assert.ok(before.accuracy > 0.8 && before.accuracy < 0.95, JSON.stringify(before));

  // v1.0.1 folds accents: titles typed without them are now understood, and the comparison says so.
  const fixed = release('v1.0.1', '--no-regression', 'accuracy');
  assert.is(fixed.status, 0, fixed.stderr);
  assert.match(fixed.stdout, /metric\s+baseline \(v1\.0\.0\)\s+this version \(v1\.0\.1\)\s+change\n\s*accuracy\s+0\.9\s+1\s+▲ \+0\.1\n/);
  assert.is(JSON.parse(readFile(repo, `${folder}/model-settings.json`)).parameters.version, 'v1.0.0');

  // Reverting the fix is a regression the gate refuses: exit 7, nothing published.
  const regressed = release('v1.0.2', '--param', 'normalizar_acentos=False', '--no-regression', 'accuracy');
  assert.is(regressed.status, 7, regressed.stdout + regressed.stderr);
  assert.match(regressed.stderr, /✗ accuracy\s+1\s+0\.9\s+▼ -0\.1/);
  assert.not.ok(listFiles(repo).some((f) => f.includes('v1.0.2')));

  // Load the published artifacts the way MLServer's scikit-learn runtime does, and predict.
  const served = tempDir();
  execFileSync('git', ['clone', '--quiet', repo, served]);
  const request = JSON.parse(readFileSync(path.join(project, 'inference-request.json'), 'utf8'));
  const script = `import joblib, json, sys\nm = joblib.load(sys.argv[1])\nprint(json.dumps(list(m.predict(json.loads(sys.argv[2])))))`;
  writeFileSync(path.join(served, 'predict.py'), script);
  const predict = (version: string) => JSON.parse(execFileSync('/usr/bin/python3', [path.join(served, 'predict.py'), path.join(served, `models/classificador-produtos-${version}/classificador-produtos.joblib`), JSON.stringify(request.inputs[0].data)], { encoding: 'utf8' }));
  assert.equal(predict('v1.0.1'), ['maquiagem', 'game', 'livro', 'brinquedo']);
  assert.is.not(predict('v1.0.0')[3], 'brinquedo', 'v1.0.0 should not understand an unaccented "pelucia"');
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
