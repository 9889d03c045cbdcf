/**
 * Metrics, figures, the baseline and the quality gate, with real notebooks run
 * by nbconvert, real bare repositories and the smart-HTTP server.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { flatten, parsePythonDict } from '../../src/metrics/collect.js';
import { parseGate } from '../../src/metrics/gate.js';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { createServedRepo, GitHttpServer } from '../helpers/git-http-server.js';
import { commitCount, git, listFiles, newBareRepo, readFile, seedBareRepo } from '../helpers/git-repos.js';
import { createMetricsProject } from '../helpers/model-project.js';

const unit = suite('reading metrics');
unit('a Python dict literal reads as JSON, nested objects flatten with dots, anything else is refused', () => {
  assert.equal(flatten(parsePythonDict("{'accuracy': 0.93, 'ok': True, 'name': 'lr', 'd': {'n': 3}}")), { accuracy: 0.93, ok: true, name: 'lr', 'd.n': 3 });
  assert.is(flatten(parsePythonDict("{'a': [1, 2]}")), undefined);
  assert.is(parsePythonDict('accuracy 0.9'), undefined);
});
unit('a gate that cannot be read is exit 2', () => {
  assert.throws(() => parseGate(['accuracy => 0.9']), (e: Error & { exitCode?: number }) => e.exitCode === 2);
  assert.throws(() => parseGate([], ['accuracy:x']), (e: Error & { exitCode?: number }) => e.exitCode === 2);
  assert.equal(parseGate(['accuracy>=0.9'], ['f1:0.01']).noRegression, [{ metric: 'f1', tolerance: 0.01, text: 'f1:0.01' }]);
});

const release = suite('metrics in a release');
release.after(removeTempDirs);

const run = (dir: string, repo: string, version: string, extra: string[] = [], env = baseEnv()) =>
  cli(['release', '--model-dir', dir, '--repo', repo, '--version', version, '--runner', 'nbconvert', '--check-load', 'never', '--json', ...extra], { env });

release('metrics and a real PNG reach release.json, the result and report/; a first release has no baseline', async () => {
  const project = createMetricsProject({ metricsFile: true });
  const repo = newBareRepo();
  const dotenv = path.join(tempDir(), 'x.env');
  const first = await run(project.dir, repo, 'v1.0.0', ['--metrics', 'metrics.json', '--dotenv', dotenv], baseEnv({ GITLAB_CI: 'true' }));
  assert.is(first.code, 0, first.stderr);
  const report = readFileSync(dotenv, 'utf8');
  assert.match(report, 'MLSERVER_METRIC_ACCURACY=0.9\n');
  assert.match(report, 'MLSERVER_METRIC_DETAILS_N=10\n');
  assert.match(report, 'MLSERVER_METRICS={"accuracy":0.9,');
  const result = JSON.parse(first.stdout);
  assert.equal(result.metrics, { accuracy: 0.9, f1_macro: 0.8, 'details.n': 10, ok: true, loss: 0.25, 'eval.auc': 0.77 });
  assert.equal(result.figures, ['report/1-cell9.png']);
  assert.match(first.stderr, 'no baseline: this is the first release of tiny');
  const record = JSON.parse(readFile(repo, 'models/tiny-v1.0.0/release.json'));
  assert.equal(record.metrics, result.metrics);
  assert.equal(record.figures, ['report/1-cell9.png']);
  const png = Buffer.from(git(['show', 'main:models/tiny-v1.0.0/report/1-cell9.png'], repo), 'latin1');
  assert.is(png.subarray(1, 4).toString('latin1'), 'PNG', 'a real PNG');
});

release('the baseline is the newest published version, or the default once there is one; --no-regression and --require gate the release (exit 7, nothing published)', async () => {
  const project = createMetricsProject({ jsonDisplay: true });
  const repo = newBareRepo();
  assert.is((await run(project.dir, repo, 'v1.0.9', ['--param', 'accuracy=0.95'])).code, 0);
  assert.is((await run(project.dir, repo, 'v1.0.10', ['--param', 'accuracy=0.91'])).code, 0);
  const compared = await run(project.dir, repo, 'v1.0.11', ['--param', 'accuracy=0.93']);
  assert.is(compared.code, 0, compared.stderr);
  const result = JSON.parse(compared.stdout);
  assert.is(result.baseline.version, 'v1.0.10', 'semver newest, not v1.0.9');
  assert.equal(result.comparison.find((r: { metric: string }) => r.metric === 'accuracy'), { metric: 'accuracy', baseline: 0.91, current: 0.93, change: '▲ +0.02' });

  const made = await cli(['default', '--version', 'v1.0.9', '--model', 'tiny', '--repo', repo]);
  assert.is(made.code, 0, made.stderr);
  const before = commitCount(repo);
  const regressed = await run(project.dir, repo, 'v1.0.12', ['--param', 'accuracy=0.94', '--no-regression', 'accuracy']);
  assert.is(regressed.code, 7, regressed.stderr);
  assert.match(regressed.stderr, 'the baseline is tiny v1.0.9 (the default version)');
  assert.match(regressed.stderr, 'accuracy fell from 0.95 (v1.0.9) to 0.94');
  assert.match(regressed.stderr, /✗ accuracy\s+0\.95\s+0\.94\s+▼ -0\.01/);
  assert.is(commitCount(repo), before, 'nothing was published');
  assert.ok(readFileSync(path.join(project.dir, 'tiny.executed.ipynb'), 'utf8').includes('0.94'), 'the executed notebook is kept');
  const tolerated = await run(project.dir, repo, 'v1.0.12', ['--param', 'accuracy=0.94', '--no-regression', 'accuracy:0.02', '--require', 'f1_macro>=0.8', '--require', 'details.n==10']);
  assert.is(tolerated.code, 0, tolerated.stderr);

  const unreported = await run(project.dir, repo, 'v1.0.13', ['--require', 'recall>0.5']);
  assert.is(unreported.code, 7);
  assert.match(unreported.stderr, 'metric not reported');
  const unreadable = await run(project.dir, repo, 'v1.0.13', ['--require', 'recall>>0.5']);
  assert.is(unreadable.code, 2);
  assert.not.match(unreadable.stderr, '== Notebook', 'refused before the notebook runs');
  const listed = await cli(['list', '--repo', repo, '--metrics', 'accuracy,f1_macro']);
  assert.match(listed.stdout, /v1\.0\.12 .* accuracy=0\.94  f1_macro=0\.8/);
});

release('the baseline\'s release.json is read through the cheap snapshot: large artifacts are never downloaded', async () => {
  const root = tempDir('mlsr-served-');
  const server = await new GitHttpServer({ projectRoot: root }).start();
  try {
    const bare = createServedRepo(root, 'big.git');
    const big: Record<string, Buffer> = {};
    for (let i = 1; i <= 4; i++) {
      big[`models/tiny-v0.${i}/model-settings.json`] = Buffer.from(JSON.stringify({ name: 'tiny', implementation: 'a.B', parameters: { uri: './model.bin', version: `v0.${i}` } }));
      big[`models/tiny-v0.${i}/model.bin`] = Buffer.alloc(3 * 1024 * 1024, i);
      big[`models/tiny-v0.${i}/release.json`] = Buffer.from(JSON.stringify({ tool: 'mlserver-release', model: 'tiny', version: `v0.${i}`, metrics: { accuracy: 0.5 + i / 10 } }));
    }
    seedBareRepo(bare, big);
    const project = createMetricsProject();
    const before = server.requests.reduce((sum, r) => sum + r.bytesSent, 0);
    const released = await run(project.dir, `${server.url}/big.git`, 'v1.0.0');
    assert.is(released.code, 0, released.stderr);
    const result = JSON.parse(released.stdout);
    assert.equal(result.baseline, { version: 'v0.4', metrics: { accuracy: 0.9 } });
    const received = server.requests.reduce((sum, r) => sum + r.bytesSent, 0) - before;
    assert.ok(received < 256 * 1024, `received ${received} bytes while the repository holds 12 MiB of artifacts`);
    assert.ok(listFiles(bare).includes('models/tiny-v1.0.0/report/1-cell8.png'));
  } finally {
    await server.stop();
  }
});

unit.run();
release.run();
