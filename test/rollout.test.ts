/**
 * Rollouts as GitOps changes, for KServe (InferenceService, serving.kserve.io/
 * v1beta1) and Seldon Core v2 (Model and Experiment, mlops.seldon.io/v1alpha1),
 * written into real bare repositories and checked field by field against the
 * shapes those CRDs define.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import YAML from 'yaml';
import { cli } from './helpers/capture.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { commitCount, git, newBareRepo, readFile } from './helpers/git-repos.js';
import { crdProblems } from './helpers/crd-schema.js';
import { plantInGit } from './helpers/hostile-stores.js';
import { createModelProject } from './helpers/model-project.js';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { baseEnv } from './helpers/capture.js';
import { S3_CREDENTIALS, startS3, type S3Server } from './helpers/s3-server.js';

let s3: S3Server;
test.before(async () => { s3 = await startS3(['models']); });
test.after(async () => { await s3.stop(); await removeTempDirs(); });

/** Publishes a (tiny) version into s3://models/team as an attacker or the release would: the SDK, directly. */
async function seedVersion(version: string, model = 'tiny'): Promise<void> {
  const client = new S3Client({ region: 'us-east-1', endpoint: s3.url, forcePathStyle: true, credentials: { accessKeyId: S3_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: S3_CREDENTIALS.AWS_SECRET_ACCESS_KEY } });
  const folder = `team/models/${model}-${version}`;
  await client.send(new PutObjectCommand({ Bucket: 'models', Key: `${folder}/model-settings.json`, Body: JSON.stringify({ name: model, implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.joblib', version } }) }));
  await client.send(new PutObjectCommand({ Bucket: 'models', Key: `${folder}/release.json`, Body: JSON.stringify({ tool: 'mlserver-release', model, version }) }));
  client.destroy();
}
const s3Env = () => baseEnv({ ...S3_CREDENTIALS, AWS_ENDPOINT_URL_S3: s3.url, MLSERVER_RELEASE_S3_PATH_STYLE: 'true' });

// Made when the first test runs: uvu imports every suite before running any, and another suite's
// after-hook removes the temporary folders that exist when it ends.
let project: ReturnType<typeof createModelProject>;
test.before(() => { project = createModelProject(); });

/** The manifest as written, each document checked against its platform's CRD schema first. */
function checkedDocuments(text: string): any[] {
  const docs = YAML.parseAllDocuments(text).map((d) => d.toJSON());
  for (const doc of docs) assert.equal(crdProblems(doc), [], `${doc.kind}/${doc.metadata?.name} against its CRD`);
  return docs;
}
const inferenceService = (text: string) => checkedDocuments(text)[0];
const roll = async (repo: string, platform: string, version: string, extra: string[] = []) => {
  await seedVersion(version);
  return cli(['rollout', '--platform', platform, '--model-dir', project.dir, '--version', version, '--store-repo', 's3://models/team', '--manifests-repo', repo, '--namespace', 'ml', '--json', ...extra], { env: s3Env() });
};

test('KServe: new, 10 % canary, a rerun that changes nothing, promote; then a canary rolled back', async () => {
  const repo = newBareRepo();
  const first = await roll(repo, 'kserve', 'v1.0.0');
  assert.is(first.code, 0, first.stderr);
  let isvc = inferenceService(readFile(repo, 'deploy/tiny/inferenceservice.yaml'));
  assert.is(isvc.apiVersion, 'serving.kserve.io/v1beta1');
  assert.is(isvc.kind, 'InferenceService');
  assert.equal(isvc.metadata.name, 'tiny');
  assert.equal(isvc.metadata.namespace, 'ml');
  assert.equal(isvc.spec.predictor.model, { modelFormat: { name: 'sklearn' }, runtime: 'kserve-mlserver', protocolVersion: 'v2', storageUri: 's3://models/team/models/tiny-v1.0.0' });
  assert.is(isvc.spec.predictor.canaryTrafficPercent, undefined);

  // The user adds their own fields and comments; the tool keeps them.
  const edited = readFile(repo, 'deploy/tiny/inferenceservice.yaml').replace('spec:\n', 'spec:\n  # sized for the course\n').replace('  predictor:\n', '  predictor:\n    minReplicas: 2\n');
  const work = `${repo}-work`;
  git(['clone', '--quiet', repo, work]);
  writeFileSync(`${work}/deploy/tiny/inferenceservice.yaml`, edited);
  git(['-C', work, '-c', 'user.name=u', '-c', 'user.email=u@x', 'commit', '--quiet', '-am', 'tune']);
  git(['-C', work, 'push', '--quiet', 'origin', 'main']);

  const canary = await roll(repo, 'kserve', 'v1.0.1', ['--canary', '10']);
  assert.is(canary.code, 0, canary.stderr);
  assert.match(JSON.parse(canary.stdout).summary, 'v1.0.1 gets 10% of the traffic, v1.0.0 the rest');
  const text = readFile(repo, 'deploy/tiny/inferenceservice.yaml');
  assert.match(text, '# sized for the course');
  isvc = inferenceService(text);
  assert.is(isvc.spec.predictor.minReplicas, 2);
  assert.is(isvc.spec.predictor.canaryTrafficPercent, 10);
  assert.is(isvc.spec.predictor.model.storageUri, 's3://models/team/models/tiny-v1.0.1');
  const commits = commitCount(repo);
  const rerun = await roll(repo, 'kserve', 'v1.0.1', ['--canary', '10']);
  assert.is(JSON.parse(rerun.stdout).changed, false);
  assert.is(commitCount(repo), commits);

  const promoted = await roll(repo, 'kserve', 'v1.0.1', ['--promote']);
  assert.is(promoted.code, 0, promoted.stderr);
  isvc = inferenceService(readFile(repo, 'deploy/tiny/inferenceservice.yaml'));
  assert.is(isvc.spec.predictor.canaryTrafficPercent, undefined);
  assert.is(isvc.spec.predictor.model.storageUri, 's3://models/team/models/tiny-v1.0.1');

  assert.is((await roll(repo, 'kserve', 'v1.0.2', ['--canary', '25'])).code, 0);
  const back = await roll(repo, 'kserve', 'v1.0.2', ['--rollback']);
  assert.is(back.code, 0, back.stderr);
  isvc = inferenceService(readFile(repo, 'deploy/tiny/inferenceservice.yaml'));
  assert.is(isvc.spec.predictor.model.storageUri, 's3://models/team/models/tiny-v1.0.1', 'the previous storageUri, read from the manifest itself');
  assert.is(isvc.spec.predictor.canaryTrafficPercent, undefined);
});

test('Seldon Core v2: a Model per version, an Experiment for the canary, promote and rollback', async () => {
  const repo = newBareRepo();
  assert.is((await roll(repo, 'seldon', 'v1.0.0')).code, 0);
  let docs = checkedDocuments(readFile(repo, 'deploy/tiny/seldon.yaml'));
  assert.equal(docs.map((d) => `${d.kind}/${d.metadata.name}`), ['Model/tiny-v1-0-0']);
  assert.equal(docs[0].spec, { storageUri: 's3://models/team/models/tiny-v1.0.0', requirements: ['sklearn'] });
  assert.is(docs[0].apiVersion, 'mlops.seldon.io/v1alpha1');

  assert.is((await roll(repo, 'seldon', 'v1.0.1', ['--canary', '10'])).code, 0);
  docs = checkedDocuments(readFile(repo, 'deploy/tiny/seldon.yaml'));
  assert.equal(docs.map((d) => `${d.kind}/${d.metadata.name}`), ['Model/tiny-v1-0-0', 'Model/tiny-v1-0-1', 'Experiment/tiny-canary']);
  assert.equal(docs[2].spec, { default: 'tiny-v1-0-0', candidates: [{ name: 'tiny-v1-0-0', weight: 90 }, { name: 'tiny-v1-0-1', weight: 10 }] });

  const promoted = await roll(repo, 'seldon', 'v1.0.1', ['--promote']);
  assert.is(promoted.code, 0, promoted.stderr);
  docs = checkedDocuments(readFile(repo, 'deploy/tiny/seldon.yaml'));
  assert.equal(docs.map((d) => `${d.kind}/${d.metadata.name}`), ['Model/tiny-v1-0-1']);

  assert.is((await roll(repo, 'seldon', 'v1.0.2', ['--canary', '50'])).code, 0);
  assert.is((await roll(repo, 'seldon', 'v1.0.2', ['--rollback'])).code, 0);
  docs = checkedDocuments(readFile(repo, 'deploy/tiny/seldon.yaml'));
  assert.equal(docs.map((d) => `${d.kind}/${d.metadata.name}`), ['Model/tiny-v1-0-1']);
});

test('bad input: --canary outside 1..99, promote without a canary, an unsupported runtime, a foreign manifest, a version whose Kubernetes name collides', async () => {
  const repo = newBareRepo();
  for (const percent of ['0', '100', '12.5']) {
    const run = await roll(repo, 'kserve', 'v1', ['--canary', percent]);
    assert.is(run.code, 2, run.stderr);
    assert.match(run.stderr, '--canary must be a whole percent from 1 to 99');
  }
  assert.is((await roll(repo, 'kserve', 'v1')).code, 0);
  const noCanary = await roll(repo, 'kserve', 'v1', ['--promote']);
  assert.is(noCanary.code, 2);
  assert.match(noCanary.stderr, 'has no canary in progress');

  const custom = createModelProject({ implementation: 'custom_runtime.MyModel' });
  const unsupported = await cli(['rollout', '--platform', 'seldon', '--model-dir', custom.dir, '--version', 'v1', '--storage-uri', 's3://b/p', '--manifests-repo', repo]);
  assert.is(unsupported.code, 2);
  assert.match(unsupported.stderr, 'supported: mlserver_sklearn (sklearn), mlserver_xgboost (xgboost)');

  const foreign = newBareRepo({ 'deploy/tiny/inferenceservice.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tiny\n' });
  const refused = await roll(foreign, 'kserve', 'v1');
  assert.is(refused.code, 4, 'a manifest in the manifests repository is store data: EMANIFEST');
  assert.match(refused.stderr, 'deploy/tiny/inferenceservice.yaml holds ConfigMap "tiny"');

  const seldon = newBareRepo();
  assert.is((await roll(seldon, 'seldon', 'v1.0')).code, 0);
  const clash = await roll(seldon, 'seldon', 'v1-0', ['--canary', '10']);
  assert.is(clash.code, 2);
  assert.match(clash.stderr, 'has the same Kubernetes name');

  // The manifests folder follows --models-path's rules: a folder store must not be written outside its root.
  const volume = tempDir('mlsr-manifests-');
  for (const bad of ['../outside', '/etc/deploy', 'deploy/.git/hooks']) {
    const escaped = await roll(volume, 'kserve', 'v1', ['--manifests-target', 'folder', '--manifests-path', bad]);
    assert.is(escaped.code, 2, escaped.stderr);
    assert.match(escaped.stderr, `--manifests-path "${bad}"`);
  }
  assert.is(existsSync(path.join(volume, '..', 'outside')), false);
});


test('two rollouts racing on one manifests folder both land, and the folder\'s other files keep their bytes, modes and symlinks', async () => {
  const repo = newBareRepo();
  const binary = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]);
  plantInGit(repo, 'deploy/tiny', { name: 'weights.bin', kind: 'file', content: binary });
  plantInGit(repo, 'deploy/tiny', { name: 'hook.sh', kind: 'executable', content: '#!/bin/sh\necho hi\n' });
  plantInGit(repo, 'deploy/tiny', { name: 'current', kind: 'symlink', content: 'inferenceservice.yaml' });
  // A push that takes a second: both rollouts read the same tip, one push loses and must decide again.
  const hook = path.join(repo, 'hooks', 'pre-receive');
  writeFileSync(hook, '#!/bin/sh\nsleep 1\n', { mode: 0o755 });
  await seedVersion('v1.0.0');
  const both = await Promise.all(['kserve', 'seldon'].map((platform) => cli(['rollout', '--platform', platform, '--model-dir', project.dir, '--version', 'v1.0.0', '--store-repo', 's3://models/team', '--manifests-repo', repo, '--json'], { env: s3Env() })));
  for (const run of both) assert.is(run.code, 0, run.stderr);
  const entries = git(['ls-tree', 'main', 'deploy/tiny/'], repo);
  for (const line of ['100644 blob', '100755 blob', '120000 blob']) assert.ok(entries.includes(line), `${line} kept:\n${entries}`);
  assert.match(entries, /inferenceservice\.yaml/);
  assert.match(entries, /seldon\.yaml/);
  const stored = execFileSync('git', ['cat-file', 'blob', 'main:deploy/tiny/weights.bin'], { cwd: repo });
  assert.ok(stored.equals(binary), 'binary bytes kept');
});

test('Seldon: eleven rollouts keep one "---" between documents; a folder manifests store works from the second rollout on', async () => {
  const repo = newBareRepo();
  for (let i = 0; i < 11; i++) assert.is((await roll(repo, 'seldon', `v1.0.${i}`, i % 2 ? ['--canary', '10'] : [])).code, 0);
  const text = readFile(repo, 'deploy/tiny/seldon.yaml');
  assert.is(text.split('\n').filter((line) => line.startsWith('---')).length, checkedDocuments(text).length - 1, text);

  const volume = tempDir('mlsr-manifests-');
  for (const version of ['v2.0.0', 'v2.0.1', 'v2.0.2']) {
    const run = await roll(volume, 'kserve', version, ['--manifests-target', 'folder', '--canary', '20']);
    assert.is(run.code, 0, run.stderr);
  }
  assert.is(inferenceService(readFileSync(path.join(volume, 'deploy/tiny/inferenceservice.yaml'), 'utf8')).spec.predictor.canaryTrafficPercent, 20);
});

test('--promote and --rollback name the canary\'s version; the version must be published; namespace, storage URI and --canary are checked', async () => {
  const repo = newBareRepo();
  assert.is((await roll(repo, 'kserve', 'v1.0.0')).code, 0);
  assert.is((await roll(repo, 'kserve', 'v1.0.1', ['--canary', '10'])).code, 0);
  for (const action of ['--promote', '--rollback']) {
    const wrong = await roll(repo, 'kserve', 'v1.0.0', [action]);
    assert.is(wrong.code, 2, wrong.stderr);
    assert.match(wrong.stderr, 'the canary in deploy/tiny/inferenceservice.yaml is v1.0.1, not v1.0.0');
  }
  const seldon = newBareRepo();
  assert.is((await roll(seldon, 'seldon', 'v1.0.0')).code, 0);
  assert.is((await roll(seldon, 'seldon', 'v1.0.1', ['--canary', '10'])).code, 0);
  const wrong = await roll(seldon, 'seldon', 'v9', ['--promote']);
  assert.is(wrong.code, 2, wrong.stderr);
  assert.match(wrong.stderr, 'is v1.0.1, not v9');

  const unpublished = await cli(['rollout', '--platform', 'kserve', '--model-dir', project.dir, '--version', 'v7.7.7', '--store-repo', 's3://models/team', '--manifests-repo', repo], { env: s3Env() });
  assert.is(unpublished.code, 2, unpublished.stderr);
  assert.match(unpublished.stderr, 'has no published tiny v7.7.7');

  for (const [flag, value, pattern] of [
    ['--namespace', 'Bad_NS', 'is not a Kubernetes namespace name'],
    ['--namespace', 'ml\nx', 'is not a Kubernetes namespace name'],
    ['--storage-uri', 'file:///etc', 'is not a location KServe or Seldon can download from'],
    ['--storage-uri', 's3://b/../x', 'is not a location KServe or Seldon can download from'],
    ['--canary', '0x10', '--canary must be a whole percent from 1 to 99, got "0x10"'],
    ['--canary', '1e1', '--canary must be a whole percent'],
  ]) {
    const run = await cli(['rollout', '--platform', 'kserve', '--model-dir', project.dir, '--version', 'v1.0.0', '--storage-uri', 's3://models/x', '--manifests-repo', repo, flag, value], { env: s3Env() });
    assert.is(run.code, 2, `${flag} ${JSON.stringify(value)}: ${run.stderr}`);
    assert.match(run.stderr, pattern);
  }
});

test('hostile manifests are EMANIFEST (exit 4), never a crash, and are left as they are', async () => {
  const cases: Array<[string, string, string]> = [
    ['kserve', 'apiVersion: v1\nkind: InferenceService\n---\nkind: Other\n', 'holds 2 YAML documents'],
    ['kserve', 'kind: [unclosed\n', 'is not valid YAML'],
    ['kserve', 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: tiny\nspec: null\n', 'cannot be edited'],
    ['kserve', 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: tiny\n  annotations: 5\nspec:\n  predictor:\n    model: {}\n', 'cannot be edited'],
    ['kserve', '- just\n- a list\n', 'does not hold a YAML mapping'],
    ['seldon', 'apiVersion: mlops.seldon.io/v1alpha1\nkind: Experiment\nmetadata:\n  name: tiny-canary\n  labels:\n    mlserver-release/model: tiny\nspec:\n  default: tiny-v1\n', 'has no default and candidate Model names'],
    ['seldon', 'a: [\n', 'is not valid YAML'],
  ];
  for (const [platform, text, pattern] of cases) {
    const file = platform === 'kserve' ? 'inferenceservice.yaml' : 'seldon.yaml';
    const repo = newBareRepo({ [`deploy/tiny/${file}`]: text });
    const extra = pattern.includes('candidate') ? ['--promote'] : [];
    const run = await roll(repo, platform, 'v1', extra);
    assert.is(run.code, 4, `${JSON.stringify(text)}: ${run.stderr}`);
    assert.match(run.stderr, pattern);
    assert.is(readFile(repo, `deploy/tiny/${file}`), text, 'left as it was');
  }
});

test('the CRD check itself catches a misspelt field, a wrong type and a missing required field', () => {
  const isvc = { apiVersion: 'serving.kserve.io/v1beta1', kind: 'InferenceService', metadata: { name: 'tiny' }, spec: { predictor: { canaryTrafficPercent: 'ten', model: { modelFormat: { name: 'sklearn' }, storageURI: 's3://b/p' } } } };
  const problems = crdProblems(isvc);
  assert.ok(problems.some((p) => p.includes('canaryTrafficPercent') && p.includes('integer')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('.spec.predictor.model.storageURI: not in the CRD')), problems.join('\n'));
  const model = crdProblems({ apiVersion: 'mlops.seldon.io/v1alpha1', kind: 'Model', metadata: { name: 'tiny-v1' }, spec: { requirements: ['sklearn'] } });
  assert.ok(model.some((p) => p.includes("must have required property 'storageUri'")), model.join('\n'));
});

test.run();
