/**
 * Copies made where the bytes are, on two real S3 servers (s3rver and moto):
 * promote between two buckets behind one endpoint, and default on S3, pass no
 * artifact byte through this machine (counted at the server's front); an object
 * changed after its release (no recorded sha256 any more) is streamed, re-hashed
 * and refused. And default on git reuses the version's blobs: the smart-HTTP
 * server sends none of the artifact.
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { createServedRepo, GitHttpServer } from '../helpers/git-http-server.js';
import { git, seedBareRepo } from '../helpers/git-repos.js';
import { createModelProject } from '../helpers/model-project.js';
import { startMoto } from '../helpers/moto-server.js';
import { startS3, type S3Server } from '../helpers/s3-server.js';

const MiB = 1024 * 1024;
const ARTIFACT = randomBytes(6 * MiB);
const SHA256 = createHash('sha256').update(ARTIFACT).digest('hex');

function project() {
  const p = createModelProject();
  writeFileSync(path.join(p.dir, 'model.txt'), ARTIFACT);
  return p;
}

for (const [name, start] of [['s3rver', startS3], ['moto', startMoto]] as const) {
  const copy = suite<{ s3: S3Server }>(`copies on the server (${name})`);
  copy.before(async (ctx) => {
    ctx.s3 = await start(['models', 'other']);
  });
  copy.after(async (ctx) => {
    await ctx.s3.stop();
    removeTempDirs();
  });
  const env = (ctx: { s3: S3Server }) => baseEnv({ ...ctx.s3.credentials, AWS_ENDPOINT_URL_S3: ctx.s3.url, MLSERVER_RELEASE_S3_PATH_STYLE: 'true', MLSERVER_RELEASE_CHECK_LOAD: 'never' });
  const client = (ctx: { s3: S3Server }) => new S3Client({ region: 'us-east-1', endpoint: ctx.s3.directUrl, forcePathStyle: true, credentials: { accessKeyId: ctx.s3.credentials.AWS_ACCESS_KEY_ID, secretAccessKey: ctx.s3.credentials.AWS_SECRET_ACCESS_KEY } });
  const body = async (ctx: { s3: S3Server }, bucket: string, key: string) => Buffer.from(await (await client(ctx).send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());

  copy('promote between two buckets and default on S3 move no artifact byte through this machine', async (ctx) => {
    const p = project();
    const published = await cli(['publish', '--model-dir', p.dir, '--repo', 's3://models/staging', '--target', 's3', '--version', 'v1'], { env: env(ctx) });
    assert.is(published.code, 0, published.stderr);

    let before = ctx.s3.bytesSent;
    const promoted = await cli(['promote', '--model', 'tiny', '--version', 'v1', '--from', 's3://models/staging', '--from-target', 's3', '--to', 's3://other/production', '--to-target', 's3', '--make-default'], { env: env(ctx) });
    assert.is(promoted.code, 0, promoted.stderr);
    assert.match(promoted.stderr, 'copied on the server');
    assert.ok(ctx.s3.bytesSent - before < MiB, `promote received ${ctx.s3.bytesSent - before} bytes for a 6 MiB artifact`);
    assert.ok((await body(ctx, 'other', 'production/models/tiny-v1/model.txt')).equals(ARTIFACT));
    assert.ok((await body(ctx, 'other', 'production/models/tiny/model.txt')).equals(ARTIFACT), 'the default copy holds the artifact');
    const head = await client(ctx).send(new HeadObjectCommand({ Bucket: 'other', Key: 'production/models/tiny-v1/model.txt' }));
    assert.is(head.Metadata?.sha256, SHA256, 'the copy keeps the recorded sha256');

    before = ctx.s3.bytesSent;
    const defaulted = await cli(['default', '--model', 'tiny', '--version', 'v1', '--repo', 's3://models/staging', '--target', 's3'], { env: env(ctx) });
    assert.is(defaulted.code, 0, defaulted.stderr);
    assert.ok(ctx.s3.bytesSent - before < MiB, `default received ${ctx.s3.bytesSent - before} bytes`);
    assert.ok((await body(ctx, 'models', 'staging/models/tiny/model.txt')).equals(ARTIFACT));
  });

  copy('an artifact changed after its release is streamed, re-hashed and refused; nothing is written', async (ctx) => {
    const p = project();
    const published = await cli(['publish', '--model-dir', p.dir, '--repo', 's3://models/tampered', '--target', 's3', '--version', 'v1'], { env: env(ctx) });
    assert.is(published.code, 0, published.stderr);
    await client(ctx).send(new PutObjectCommand({ Bucket: 'models', Key: 'tampered/models/tiny-v1/model.txt', Body: Buffer.from('not the model') }));
    const promoted = await cli(['promote', '--model', 'tiny', '--version', 'v1', '--from', 's3://models/tampered', '--from-target', 's3', '--to', 's3://other/tampered-production', '--to-target', 's3'], { env: env(ctx) });
    assert.is(promoted.code, 4, promoted.stderr);
    assert.match(promoted.stderr, 'model.txt: changed');
    const listed = await cli(['list', '--repo', 's3://other/tampered-production', '--target', 's3', '--json'], { env: env(ctx) });
    assert.equal(JSON.parse(listed.stdout).models, []);
  });

  copy.run();
}

const blobs = suite('default on git reuses the version\'s blobs');
blobs.after(removeTempDirs);

blobs('making a 6 MiB version the default downloads none of it', async () => {
  const root = tempDir('mlsr-served-');
  const server = await new GitHttpServer({ projectRoot: root }).start();
  try {
    const bare = createServedRepo(root, 'models.git');
    seedBareRepo(bare);
    const url = `${server.url}/models.git`;
    const env = baseEnv({ MLSERVER_RELEASE_CHECK_LOAD: 'never' });
    const published = await cli(['publish', '--model-dir', project().dir, '--repo', url, '--version', 'v1'], { env });
    assert.is(published.code, 0, published.stderr);
    const before = server.requests.reduce((sum, r) => sum + r.bytesSent, 0);
    const defaulted = await cli(['default', '--model', 'tiny', '--version', 'v1', '--repo', url], { env });
    assert.is(defaulted.code, 0, defaulted.stderr);
    const received = server.requests.reduce((sum, r) => sum + r.bytesSent, 0) - before;
    assert.ok(received < 256 * 1024, `default received ${received} bytes for a 6 MiB artifact`);
    // The default copy's artifact is the version's own blob.
    assert.is(git(['rev-parse', 'main:models/tiny/model.txt'], bare), git(['rev-parse', 'main:models/tiny-v1/model.txt'], bare));
  } finally {
    await server.stop();
  }
});

blobs.run();
