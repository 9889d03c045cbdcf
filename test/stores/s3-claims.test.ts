/**
 * The object-storage store's claims, interrupts and deadlines, against two real S3
 * implementations: moto (conditional writes and multipart uploads of its own) and
 * s3rver behind the stand-in front (test/helpers/s3-server.ts). Fixtures are made
 * as a killed run or an attacker would leave them: objects written with the SDK,
 * a publish process sent SIGINT or SIGTERM while its parts are in flight.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import {
  CreateMultipartUploadCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command, PutObjectCommand, S3Client, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exitCodeOf, ReleaseError } from '../../src/errors.js';
import { Logger } from '../../src/log.js';
import { s3Store, type S3StoreOptions } from '../../src/stores/s3.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { startMoto } from '../helpers/moto-server.js';
import { publishFolder } from '../helpers/s3-publish.js';
import { startS3, type S3Server } from '../helpers/s3-server.js';

const MiB = 1024 * 1024;
/** The claim's object name is part of the bucket layout other runs (and older versions) read. */
const CLAIM = '.mlserver-release-claim';
const FAST_BACKOFF = { attempts: 30, baseMs: 20, maxMs: 200 };

function bigFile(mib: number): { file: string; sha256: string } {
  const file = path.join(tempDir('mlsr-big-'), 'model.bin');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(MiB, 3);
  const hash = createHash('sha256');
  for (let i = 0; i < mib; i++) {
    chunk[0] = i;
    writeSync(fd, chunk);
    hash.update(chunk);
  }
  closeSync(fd);
  return { file, sha256: hash.digest('hex') };
}

function logger(): { log: Logger; text: () => string } {
  let text = '';
  return { log: new Logger({ stream: { write: (chunk: string) => ((text += chunk), true) } as never }), text: () => text };
}

async function failure(promise: Promise<unknown>): Promise<ReleaseError> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, ReleaseError, String(error));
    return error as ReleaseError;
  }
  throw new Error('expected a failure');
}

/** Fails instead of hanging: what a missing deadline looks like in a test. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms: no deadline`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Expects success; a ReleaseError becomes a plain Error (uvu cannot print an error whose `details` is a list). */
const succeeds = <T>(promise: Promise<T>): Promise<T> =>
  promise.catch((error) => {
    throw new Error(`${error}${error instanceof ReleaseError ? ` (${error.code}) ${error.details.join('; ')}` : ''}`);
  });

const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

// S3_TEST_SERVERS=moto (or s3rver) runs one of them, when debugging.
const servers = ([['moto', startMoto], ['s3rver', startS3]] as const).filter(([name]) => (process.env.S3_TEST_SERVERS ?? name).split(',').includes(name));
for (const [name, start] of servers) {
  const s3 = suite<{ server: S3Server }>(`S3 claims, interrupts and deadlines (${name})`);
  s3.before(async (ctx) => {
    ctx.server = await start(['models']);
  });
  s3.after(async (ctx) => {
    await ctx.server?.stop();
    removeTempDirs();
  });

  let counter = 0;
  const client = (ctx: { server: S3Server }) => new S3Client({
    region: 'us-east-1', endpoint: ctx.server.url, forcePathStyle: true,
    credentials: { accessKeyId: ctx.server.credentials.AWS_ACCESS_KEY_ID, secretAccessKey: ctx.server.credentials.AWS_SECRET_ACCESS_KEY },
  });
  const store = (ctx: { server: S3Server }, prefix: string, more: Partial<S3StoreOptions> = {}) => s3Store({
    url: `s3://models/${prefix}`, endpoint: ctx.server.url, pathStyle: true, env: ctx.server.credentials, modelsPath: 'models',
    log: logger().log, backoff: FAST_BACKOFF, ...more,
  });
  const keysUnder = async (ctx: { server: S3Server }, prefix: string) =>
    ((await client(ctx).send(new ListObjectsV2Command({ Bucket: 'models', Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort();
  const uploadsUnder = async (ctx: { server: S3Server }, prefix: string) =>
    ((await client(ctx).send(new ListMultipartUploadsCommand({ Bucket: 'models', Prefix: prefix }))).Uploads ?? []).map((u) => u.Key!);

  s3('eight concurrent first publishes of one version: exactly one writes it, the others find it published', async (ctx) => {
    const prefix = `race${++counter}`;
    const results = await succeeds(Promise.all(Array.from({ length: 8 }, () => publishFolder(store(ctx, prefix), 'models/tiny-v1'))));
    assert.equal(results.filter((r) => r.changed).length, 1, JSON.stringify(results));
    assert.equal(results.filter((r) => r.result === 'already-published').length, 7);
    assert.equal(await keysUnder(ctx, `${prefix}/`), [`${prefix}/models/tiny-v1/model-settings.json`, `${prefix}/models/tiny-v1/model.txt`, `${prefix}/models/tiny-v1/release.json`]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    s3(`${signal} while parts are uploading: the claim is released, the multipart upload aborted, and a retry publishes the version`, async (ctx) => {
      const prefix = `signal${++counter}`;
      const { file, sha256 } = bigFile(40);
      const folder = 'models/tiny-v1';
      ctx.server.holdParts(2);
      const before = ctx.server.partsUploaded;
      const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'helpers', 's3-publish-child.ts'), JSON.stringify({
        url: `s3://models/${prefix}`, endpoint: ctx.server.url, env: ctx.server.credentials, folder, artifact: file, partSize: 5 * MiB,
      })], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        // Two parts are through and the third is held at the front: certainly mid-upload.
        await waitFor('the third part', () => ctx.server.partsUploaded - before >= 3);
        const during = await keysUnder(ctx, `${prefix}/${folder}/`);
        assert.ok(during.includes(`${prefix}/${folder}/${CLAIM}`), 'the run holds the claim');
        assert.not.ok(during.includes(`${prefix}/${folder}/release.json`));
        assert.equal(await uploadsUnder(ctx, `${prefix}/`), [`${prefix}/${folder}/model.bin`], 'a multipart upload is in progress');
        child.kill(signal);
        assert.is(await exited, signal === 'SIGINT' ? 130 : 143, stderr);
      } finally {
        child.kill('SIGKILL');
        ctx.server.releaseParts();
      }
      assert.match(stderr, `${signal} received`);
      assert.equal(await keysUnder(ctx, `${prefix}/`), [], 'no claim, no release.json, no files');
      assert.equal(await uploadsUnder(ctx, `${prefix}/`), [], 'no multipart upload left');
      // The retry is not blocked (no 412 on a claim nobody holds) and publishes the whole artifact.
      const retry = await succeeds(publishFolder(store(ctx, prefix, { partSize: 5 * MiB, backoff: { attempts: 1, baseMs: 1, maxMs: 1 } }), folder, file));
      assert.is(retry.result, 'pushed');
      const head = await client(ctx).send(new HeadObjectCommand({ Bucket: 'models', Key: `${prefix}/${folder}/model.bin` }));
      assert.is(head.ContentLength, 40 * MiB);
      assert.is(head.Metadata!.sha256, sha256);
    });
  }

  s3('a claim left by a killed run (and its half-done multipart upload) expires: the next publish removes it and publishes', async (ctx) => {
    const prefix = `stale${++counter}`;
    const folder = 'models/tiny-v1';
    const s3c = client(ctx);
    await s3c.send(new PutObjectCommand({ Bucket: 'models', Key: `${prefix}/${folder}/${CLAIM}`, Body: 'killed-run' }));
    const created = await s3c.send(new CreateMultipartUploadCommand({ Bucket: 'models', Key: `${prefix}/${folder}/model.bin` }));
    await s3c.send(new UploadPartCommand({ Bucket: 'models', Key: `${prefix}/${folder}/model.bin`, UploadId: created.UploadId, PartNumber: 1, Body: Buffer.alloc(5 * MiB) }));
    // While the claim is younger than the TTL, it is respected: the publish gives up (exit 4), nothing written.
    const blocked = await failure(publishFolder(store(ctx, prefix, { backoff: { attempts: 2, baseMs: 1, maxMs: 1 } }), folder));
    assert.is(blocked.code, 'EPUSHFAILED');
    assert.is(exitCodeOf(blocked), 4);
    assert.equal(await keysUnder(ctx, `${prefix}/`), [`${prefix}/${folder}/${CLAIM}`]);
    // LastModified and Date have whole seconds: 1.1 s later the claim is at least 1 s old on the server's clock.
    await new Promise((r) => setTimeout(r, 1100));
    const { log, text } = logger();
    const published = await succeeds(within(15_000, publishFolder(store(ctx, prefix, { claimStaleAfterMs: 1000, log, backoff: { attempts: 1, baseMs: 1, maxMs: 1 } }), folder)));
    assert.is(published.result, 'pushed');
    assert.match(text(), /\.mlserver-release-claim is \d+s old \(stale after 1s\): a run that was killed left it; removing it/);
    assert.equal(await keysUnder(ctx, `${prefix}/`), [`${prefix}/${folder}/model-settings.json`, `${prefix}/${folder}/model.txt`, `${prefix}/${folder}/release.json`]);
    assert.equal(await uploadsUnder(ctx, `${prefix}/`), [], 'the killed run\'s multipart upload was aborted');
  });

  s3('a live holder renews its claim, so a slow upload is never taken for stale by a racing publish', async (ctx) => {
    const prefix = `renew${++counter}`;
    const folder = 'models/tiny-v1';
    const { file } = bigFile(12);
    ctx.server.holdParts(1);
    const before = ctx.server.partsUploaded;
    const slow = publishFolder(store(ctx, prefix, { partSize: 5 * MiB, queueSize: 1, claimRenewEveryMs: 200 }), folder, file);
    const { log, text } = logger();
    try {
      await waitFor('the second part', () => ctx.server.partsUploaded - before >= 2);
      // Racing with a TTL of 2 s while the holder stalls for 3.5 s: without renewals its claim would be stale.
      const racing = publishFolder(store(ctx, prefix, { claimStaleAfterMs: 2000, log, backoff: { attempts: 60, baseMs: 100, maxMs: 100 } }), folder);
      await new Promise((r) => setTimeout(r, 3500));
      ctx.server.releaseParts();
      const [first, second] = await succeeds(Promise.all([slow, racing]));
      assert.is(first.result, 'pushed');
      assert.is(second.result, 'already-published', text());
      assert.not.match(text(), 'stale');
    } finally {
      ctx.server.releaseParts();
    }
  });

  s3('a part the server never answers fails within --network-timeout as EUNREACHABLE (exit 4); the claim and the upload are cleaned up', async (ctx) => {
    const prefix = `stall${++counter}`;
    const folder = 'models/tiny-v1';
    const { file } = bigFile(12);
    ctx.server.holdParts(0);
    const started = Date.now();
    try {
      const error = await failure(within(15_000, publishFolder(store(ctx, prefix, { partSize: 5 * MiB, queueSize: 1, networkTimeoutMs: 1000 }), folder, file)));
      assert.is(error.code, 'EUNREACHABLE', error.message);
      assert.is(exitCodeOf(error), 4);
      assert.match(error.message, 'within 1s');
    } finally {
      ctx.server.releaseParts();
    }
    assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms`);
    assert.equal(await keysUnder(ctx, `${prefix}/`), []);
    assert.equal(await uploadsUnder(ctx, `${prefix}/`), []);
  });

  s3.run();
}
