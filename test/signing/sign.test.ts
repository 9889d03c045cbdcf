/**
 * Signed models through the verbs, on real stores: publish --sign writes a
 * model.sig that model_signing's format check accepts; promote and rollout
 * --require-signature refuse (exit 4, nothing written) a version whose artifact,
 * file list or release.json changed after signing, or whose model.sig came from
 * another version; the key never shows and never reaches the notebook.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { credentialVariables } from '../../src/options.js';
import { assertFolderMatches, parseBundle, parseStatement, readPublicKey, verifyWithKey } from '../../src/signing/bundle.js';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { listFiles, newBareRepo, readFile } from '../helpers/git-repos.js';
import { createModelProject, writeArtifact } from '../helpers/model-project.js';
import { startS3, type S3Server } from '../helpers/s3-server.js';

const signing = suite<{ s3: S3Server }>('signed models');
signing.before(async (ctx) => {
  ctx.s3 = await startS3(['models']);
});
signing.after(async (ctx) => {
  await ctx.s3.stop();
  removeTempDirs();
});

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function keys() {
  const dir = tempDir('mlsr-keys-');
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const key = path.join(dir, 'signing-key.pem');
  const pub = path.join(dir, 'signing-key-pub.pem');
  writeFileSync(key, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  writeFileSync(pub, publicKey.export({ type: 'spki', format: 'pem' }) as string);
  return { key, pub, pem: readFileSync(key, 'utf8') };
}

const env = (extra: Record<string, string> = {}) => baseEnv({ MLSERVER_RELEASE_CHECK_LOAD: 'never', ...extra });

/** Publishes v1 and v2 of `tiny`, signed, into a fresh folder store. */
async function signedVolume(key: string): Promise<string> {
  const volume = tempDir('mlsr-volume-');
  const project = createModelProject();
  for (const version of ['v1', 'v2']) {
    writeArtifact(project, `weights ${version}`);
    const run = await cli(['publish', '--model-dir', project.dir, '--repo', volume, '--target', 'folder', '--version', version, '--sign', '--signing-key', key], { env: env() });
    assert.is(run.code, 0, run.stderr);
  }
  return volume;
}

signing('publish --sign writes model.sig: a bundle whose statement covers every file, release.json included', async () => {
  const { key, pub, pem } = keys();
  const volume = await signedVolume(key);
  const folder = path.join(volume, 'models/tiny-v1');
  assert.equal(readdirSync(folder).sort(), ['model-settings.json', 'model.sig', 'model.txt', 'release.json']);
  const bundle = parseBundle(readFileSync(path.join(folder, 'model.sig'), 'utf8'), 'v1');
  const statement = parseStatement(verifyWithKey(bundle, readPublicKey(readFileSync(pub, 'utf8'), 'pub'), 'v1'), 'v1');
  assert.is(statement.subject[0].name, 'tiny-v1');
  assert.equal(statement.predicate.resources.map((r) => r.name), ['model-settings.json', 'model.txt', 'release.json']);
  assertFolderMatches(statement, readdirSync(folder).map((name) => ({ path: name, sha256: sha256(readFileSync(path.join(folder, name))) })), 'v1');
  const listed = await cli(['list', '--repo', volume, '--target', 'folder']);
  assert.match(listed.stdout, 'signed by key sha256:');
  assert.not.match(listed.stdout + listed.stderr, pem.split('\n')[1]);
});

signing('--sign without a key is exit 2 before anything runs; the key never shows and never reaches the notebook', async () => {
  const project = createModelProject();
  writeArtifact(project);
  const volume = tempDir('mlsr-volume-');
  const unsigned = await cli(['publish', '--model-dir', project.dir, '--repo', volume, '--target', 'folder', '--version', 'v1', '--sign'], { env: env() });
  assert.is(unsigned.code, 2, unsigned.stderr);
  assert.match(unsigned.stderr, '--sign has no way to sign: pass --signing-key FILE');
  assert.equal(readdirSync(volume), [], 'nothing was published');
  const notKey = path.join(tempDir(), 'key.pem');
  writeFileSync(notKey, '-----BEGIN PRIVATE KEY-----\nTOPSECRETNOTAKEYTOPSECRETNOTAKEY\n-----END PRIVATE KEY-----\n');
  const bad = await cli(['publish', '--model-dir', project.dir, '--repo', volume, '--target', 'folder', '--version', 'v1', '--sign', '--signing-key', notKey], { env: env() });
  assert.is(bad.code, 2, bad.stderr);
  assert.not.match(bad.stdout + bad.stderr, 'TOPSECRETNOTAKEY');
  assert.ok(credentialVariables().includes('MLSERVER_RELEASE_SIGNING_KEY'), 'the key\'s variable is kept from the notebook');
});

signing('promote --require-signature copies model.sig byte for byte; every tampering is exit 4 and writes nothing', async () => {
  const { key, pub } = keys();
  const promote = (staging: string, production: string) => cli(['promote', '--model', 'tiny', '--version', 'v1', '--from', staging, '--from-target', 'folder', '--to', production, '--require-signature', '--public-key', pub], { env: env() });
  const staging = await signedVolume(key);
  const production = newBareRepo();
  const ok = await promote(staging, production);
  assert.is(ok.code, 0, ok.stderr);
  // The same check on its own, in the store the version was promoted to.
  const checked = await cli(['verify-signature', '--model', 'tiny', '--version', 'v1', '--repo', production, '--public-key', pub, '--json'], { env: env() });
  assert.is(checked.code, 0, checked.stderr);
  assert.match(JSON.parse(checked.stdout).signedBy, /^key sha256:[0-9a-f]{64}$/);
  assert.is(readFile(production, 'models/tiny-v1/model.sig'), readFileSync(path.join(staging, 'models/tiny-v1/model.sig'), 'utf8'));

  // Each tampering keeps release.json consistent with the files, so the signature is what refuses it.
  const record = (volume: string) => path.join(volume, 'models/tiny-v1/release.json');
  const rewriteRecord = (volume: string, change: (files: Array<{ path: string; bytes: number; sha256: string }>) => Array<{ path: string; bytes: number; sha256: string }>) => {
    const value = JSON.parse(readFileSync(record(volume), 'utf8'));
    value.files = change(value.files);
    writeFileSync(record(volume), JSON.stringify(value, null, 2));
  };
  const entry = (name: string, content: string) => ({ path: name, bytes: Buffer.byteLength(content), sha256: sha256(content) });
  const cases: Array<[string, (volume: string) => void, string]> = [
    ['an artifact changed', (v) => {
      writeFileSync(path.join(v, 'models/tiny-v1/model.txt'), 'poisoned');
      rewriteRecord(v, (files) => files.map((f) => (f.path === 'model.txt' ? entry('model.txt', 'poisoned') : f)));
      const value = JSON.parse(readFileSync(record(v), 'utf8'));
      value.artifact = { ...value.artifact, bytes: 8, sha256: sha256('poisoned') };
      writeFileSync(record(v), JSON.stringify(value, null, 2));
    }, 'model.txt changed after signing'],
    ['a file added', (v) => {
      writeFileSync(path.join(v, 'models/tiny-v1/extra.py'), 'import os');
      rewriteRecord(v, (files) => [...files, entry('extra.py', 'import os')]);
    }, 'extra.py is not in the signature'],
    ['a file removed', (v) => {
      rmSync(path.join(v, 'models/tiny-v1/model.txt'));
      rewriteRecord(v, (files) => files.filter((f) => f.path !== 'model.txt'));
      const value = JSON.parse(readFileSync(record(v), 'utf8'));
      delete value.artifact;
      writeFileSync(record(v), JSON.stringify(value, null, 2));
    }, 'release.json changed after signing'],
    ['release.json edited', (v) => writeFileSync(record(v), readFileSync(record(v), 'utf8').replace('"tiny"', '"tiny" ')), 'release.json changed after signing'],
    ['model.sig taken from v2', (v) => copyFileSync(path.join(v, 'models/tiny-v2/model.sig'), path.join(v, 'models/tiny-v1/model.sig')), 'model-settings.json changed after signing'],
    ['model.sig removed', (v) => rmSync(path.join(v, 'models/tiny-v1/model.sig')), 'is not signed'],
  ];
  for (const [what, tamper, message] of cases) {
    const volume = await signedVolume(key);
    tamper(volume);
    const target = newBareRepo();
    const run = await promote(volume, target);
    assert.is(run.code, 4, `${what}: ${run.stderr}`);
    assert.match(run.stderr, message, what);
    const checked = await cli(['verify-signature', '--model', 'tiny', '--version', 'v1', '--repo', volume, '--target', 'folder', '--public-key', pub], { env: env() });
    assert.is(checked.code, 4, `verify-signature, ${what}: ${checked.stderr}`);
    assert.match(checked.stderr, message, `verify-signature, ${what}`);
    assert.equal(listFiles(target).filter((f) => f.startsWith('models/')), [], `${what}: nothing was written`);
  }
  // Another key's signature.
  const other = keys();
  const run = await cli(['promote', '--model', 'tiny', '--version', 'v1', '--from', staging, '--from-target', 'folder', '--to', newBareRepo(), '--require-signature', '--public-key', other.pub], { env: env() });
  assert.is(run.code, 4, run.stderr);
  assert.match(run.stderr, 'signed with another key');
});

signing('rollout --require-signature checks the version in its object store before writing a manifest', async (ctx) => {
  const { key, pub } = keys();
  const s3env = env({ ...ctx.s3.credentials, AWS_ENDPOINT_URL_S3: ctx.s3.url, MLSERVER_RELEASE_S3_PATH_STYLE: 'true' });
  const project = createModelProject();
  writeArtifact(project, 'weights');
  const published = await cli(['publish', '--model-dir', project.dir, '--repo', 's3://models/signed', '--target', 's3', '--version', 'v1', '--sign', '--signing-key', key], { env: s3env });
  assert.is(published.code, 0, published.stderr);
  const gitops = tempDir('mlsr-gitops-');
  const rollout = (publicKey: string) => cli(['rollout', '--platform', 'kserve', '--model-dir', project.dir, '--version', 'v1', '--store-repo', 's3://models/signed', '--manifests-repo', gitops, '--manifests-target', 'folder', '--require-signature', '--public-key', publicKey], { env: s3env });
  const wrong = await rollout(keys().pub);
  assert.is(wrong.code, 4, wrong.stderr);
  assert.equal(readdirSync(gitops), [], 'no manifest was written');
  const right = await rollout(pub);
  assert.is(right.code, 0, right.stderr);
  assert.ok(readdirSync(gitops).length > 0);
});

signing.run();
