/**
 * The object-storage store through the CLI, against s3rver (a real S3
 * implementation) behind the conditional-write stand-in (test/helpers/s3-server.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs } from '../helpers/fs.js';
import { listFiles, newBareRepo, readFile } from '../helpers/git-repos.js';
import { assertNoLeak } from '../helpers/leak-watch.js';
import { createModelProject, writeArtifact } from '../helpers/model-project.js';
import { S3_CREDENTIALS, startS3, type S3Server } from '../helpers/s3-server.js';

interface Ctx {
  s3: S3Server;
}
const s3 = suite<Ctx>('object storage (s3rver)');
s3.before(async (ctx) => {
  ctx.s3 = await startS3(['models', 'other']);
});
s3.after(async (ctx) => {
  await ctx.s3.stop();
  removeTempDirs();
});

let counter = 0;
const env = (ctx: Ctx, extra: Record<string, string> = {}) => baseEnv({ ...S3_CREDENTIALS, AWS_ENDPOINT_URL_S3: ctx.s3.url, MLSERVER_RELEASE_S3_PATH_STYLE: 'true', ...extra });
const publish = (ctx: Ctx, dir: string, repo: string, version: string, extra: string[] = [], more: Record<string, string> = {}) =>
  cli(['publish', '--model-dir', dir, '--repo', repo, '--target', 's3', '--version', version, '--check-load', 'never', '--json', ...extra], { env: env(ctx, more) });
const client = (ctx: Ctx) => new S3Client({ region: 'us-east-1', endpoint: ctx.s3.url, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });

s3('publish writes the folder with release.json last and reports the storageUri; a rerun is a no-op, other content a conflict', async (ctx) => {
  const prefix = `team${++counter}`;
  const repo = `s3://models/${prefix}`;
  const project = createModelProject();
  writeArtifact(project, 'weights');
  const first = await publish(ctx, project.dir, repo, 'v1');
  assert.is(first.code, 0, first.stderr);
  const result = JSON.parse(first.stdout);
  assert.is(result.storageUri, `s3://models/${prefix}/models/tiny-v1`);
  const listed = await client(ctx).send(new ListObjectsV2Command({ Bucket: 'models', Prefix: `${prefix}/` }));
  assert.equal(listed.Contents!.map((o) => o.Key).sort(), [`${prefix}/models/tiny-v1/model-settings.json`, `${prefix}/models/tiny-v1/model.txt`, `${prefix}/models/tiny-v1/release.json`]);
  const head = await client(ctx).send(new HeadObjectCommand({ Bucket: 'models', Key: `${prefix}/models/tiny-v1/model.txt` }));
  assert.is(head.Metadata!.sha256, createHash('sha256').update('weights').digest('hex'));
  const again = await publish(ctx, project.dir, repo, 'v1');
  assert.is(JSON.parse(again.stdout).status, 'already-published', again.stderr);
  writeArtifact(project, 'other weights');
  const conflict = await publish(ctx, project.dir, repo, 'v1');
  assert.is(conflict.code, 4, conflict.stderr);
  assert.match(conflict.stderr, 'already published with different content');
  // --force replaces it: un-published first, then re-committed by the new release.json, which names the new bytes.
  const forced = await publish(ctx, project.dir, repo, 'v1', ['--force']);
  assert.is(forced.code, 0, forced.stderr);
  const record = JSON.parse(await (await client(ctx).send(new GetObjectCommand({ Bucket: 'models', Key: `${prefix}/models/tiny-v1/release.json` }))).Body!.transformToString());
  assert.is(record.artifact.sha256, createHash('sha256').update('other weights').digest('hex'));
  const stored = await (await client(ctx).send(new GetObjectCommand({ Bucket: 'models', Key: `${prefix}/models/tiny-v1/model.txt` }))).Body!.transformToString();
  assert.is(stored, 'other weights');
  const claims = await client(ctx).send(new ListObjectsV2Command({ Bucket: 'models', Prefix: `${prefix}/models/tiny-v1/.mlserver-release-claim` }));
  assert.is(claims.KeyCount, 0, 'the claim is released');
});

s3('eight concurrent releases of one version: one winner, the rest already-published; of different versions: all land', async (ctx) => {
  const repo = `s3://models/race${++counter}`;
  const projects = Array.from({ length: 8 }, () => {
    const p = createModelProject();
    writeArtifact(p, 'same weights');
    return p;
  });
  const same = await Promise.all(projects.map((p) => publish(ctx, p.dir, repo, 'v1')));
  assert.equal(same.map((r) => r.code), Array(8).fill(0), same.map((r) => r.stderr).join('\n'));
  assert.is(same.filter((r) => JSON.parse(r.stdout).status === 'pushed').length, 1, 'one winner');
  const different = await Promise.all(projects.map((p, i) => publish(ctx, p.dir, repo, `v2.${i}`)));
  assert.equal(different.map((r) => r.code), Array(8).fill(0), different.map((r) => r.stderr).join('\n'));
  const listed = await cli(['list', '--repo', repo, '--target', 's3', '--json'], { env: env(ctx) });
  assert.is(JSON.parse(listed.stdout).models[0].versions.length, 9);
});

s3('a 200 MiB artifact goes up as a streamed multipart upload', async (ctx) => {
  const repo = `s3://models/big${++counter}`;
  const project = createModelProject({ parameters: { uri: './model.bin' } });
  const file = path.join(project.dir, 'model.bin');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 7);
  const hash = createHash('sha256');
  for (let i = 0; i < 200; i++) {
    chunk[0] = i;
    writeSync(fd, chunk);
    hash.update(chunk);
  }
  closeSync(fd);
  const parts = ctx.s3.partsUploaded;
  const run = await publish(ctx, project.dir, repo, 'v1');
  assert.is(run.code, 0, run.stderr);
  const head = await client(ctx).send(new HeadObjectCommand({ Bucket: 'models', Key: `big${counter}/models/tiny-v1/model.bin` }));
  assert.is(head.ContentLength, 200 * 1024 * 1024);
  assert.is(head.Metadata!.sha256, hash.digest('hex'));
  assert.is(ctx.s3.partsUploaded - parts, 25, 'a multipart upload of 8 MiB parts');
});

s3('prune, and promote git -> s3 -> git byte for byte', async (ctx) => {
  const repo = `s3://models/prune${++counter}`;
  const project = createModelProject();
  for (const v of ['v1', 'v2', 'v3']) {
    writeArtifact(project, `weights ${v}`);
    assert.is((await publish(ctx, project.dir, repo, v)).code, 0);
  }
  const pruned = await cli(['prune', '--repo', repo, '--target', 's3', '--keep', '2', '--yes', '--json'], { env: env(ctx) });
  assert.is(pruned.code, 0, pruned.stderr);
  assert.equal(JSON.parse(pruned.stdout).removed.map((v: { version: string }) => v.version), ['v1']);

  const staging = newBareRepo();
  writeArtifact(project, 'git weights');
  assert.is((await cli(['publish', '--model-dir', project.dir, '--repo', staging, '--version', 'v9', '--check-load', 'never'])).code, 0);
  const toS3 = await cli(['promote', '--model', 'tiny', '--version', 'v9', '--from', staging, '--to', repo, '--to-target', 's3', '--json'], { env: env(ctx) });
  assert.is(toS3.code, 0, toS3.stderr);
  assert.is(JSON.parse(toS3.stdout).storageUri, `s3://models/prune${counter}/models/tiny-v9`);
  const object = await client(ctx).send(new GetObjectCommand({ Bucket: 'models', Key: `prune${counter}/models/tiny-v9/release.json` }));
  assert.is(await object.Body!.transformToString(), readFile(staging, 'models/tiny-v9/release.json'));
  const back = newBareRepo();
  const fromS3 = await cli(['promote', '--model', 'tiny', '--version', 'v9', '--from', repo, '--from-target', 's3', '--to', back], { env: env(ctx) });
  assert.is(fromS3.code, 0, fromS3.stderr);
  assert.ok(listFiles(back).includes('models/tiny-v9/model.txt'));
  assert.is(readFile(back, 'models/tiny-v9/model.txt'), 'git weights');
});

s3('--s3-endpoint and --s3-path-style reach the store in every command that opens one (no endpoint in the environment)', async (ctx) => {
  const repo = `s3://models/flags${++counter}`;
  const project = createModelProject();
  writeArtifact(project, 'weights');
  const flagsOnly = baseEnv({ ...S3_CREDENTIALS });
  const endpoint = ['--target', 's3', '--s3-endpoint', ctx.s3.url, '--s3-path-style'];
  const published = await cli(['publish', '--model-dir', project.dir, '--repo', repo, '--version', 'v1', '--check-load', 'never', '--json', ...endpoint], { env: flagsOnly });
  assert.is(published.code, 0, published.stderr);
  const made = await cli(['default', '--model-dir', project.dir, '--repo', repo, '--version', 'v1', '--json', ...endpoint], { env: flagsOnly });
  assert.is(made.code, 0, made.stderr);
  assert.is(JSON.parse(made.stdout).version, 'v1');
  const listed = await cli(['list', '--repo', repo, '--json', ...endpoint], { env: flagsOnly });
  assert.is(listed.code, 0, listed.stderr);
  assert.is(JSON.parse(listed.stdout).models[0].defaultVersion, 'v1');
  const pruned = await cli(['prune', '--keep', '1', '--repo', repo, ...endpoint], { env: flagsOnly });
  assert.is(pruned.code, 0, pruned.stderr);
});

s3('an unknown key is exit 4 with the secret redacted; a missing bucket is exit 4 naming it', async (ctx) => {
  const project = createModelProject();
  writeArtifact(project);
  const secret = 'n0t-the-s3cret-K3y+/=';
  const bad = await publish(ctx, project.dir, 's3://models/x', 'v1', [], { AWS_ACCESS_KEY_ID: 'UNKNOWNKEY', AWS_SECRET_ACCESS_KEY: secret });
  assert.is(bad.code, 4, bad.stderr);
  assert.match(bad.stderr, 'rejected the credentials');
  assertNoLeak(bad.stdout + bad.stderr, secret, 'output');
  const missing = await publish(ctx, project.dir, 's3://no-such-bucket/x', 'v1');
  assert.is(missing.code, 4, missing.stderr);
  assert.match(missing.stderr, 'The bucket "no-such-bucket" does not exist');
  mkdirSync(path.join(project.dir, 'unused'), { recursive: true });
});

s3('release --target s3 --rollout kserve: the version lands in the bucket and the InferenceService points at it, then a canary', async (ctx) => {
  const repo = `s3://models/roll${++counter}`;
  const manifests = newBareRepo();
  const project = createModelProject();
  writeArtifact(project, 'v1 weights');
  const first = await publish(ctx, project.dir, repo, 'v1', ['--rollout', 'kserve', '--manifests-repo', manifests]);
  assert.is(first.code, 0, first.stderr);
  const result = JSON.parse(first.stdout);
  assert.is(result.rollout.file, 'deploy/tiny/inferenceservice.yaml');
  assert.match(readFile(manifests, 'deploy/tiny/inferenceservice.yaml'), `storageUri: ${result.storageUri}`);
  writeArtifact(project, 'v2 weights');
  const second = await publish(ctx, project.dir, repo, 'v2', ['--rollout', 'kserve', '--manifests-repo', manifests, '--canary', '10']);
  assert.is(second.code, 0, second.stderr);
  const manifest = readFile(manifests, 'deploy/tiny/inferenceservice.yaml');
  assert.match(manifest, 'canaryTrafficPercent: 10');
  assert.match(manifest, `storageUri: s3://models/roll${counter}/models/tiny-v2`);
  const wrongStore = await cli(['publish', '--model-dir', project.dir, '--repo', newBareRepo(), '--version', 'v3', '--rollout', 'kserve', '--manifests-repo', manifests]);
  assert.is(wrongStore.code, 2);
  assert.match(wrongStore.stderr, '--rollout needs the version in object storage');
});

s3.run();
