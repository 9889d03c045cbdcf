/**
 * --network-timeout reaches every S3 request: against an endpoint that accepts
 * connections and never answers, preflight, list and publish fail as EUNREACHABLE
 * (exit 4) within about the timeout instead of hanging.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exitCodeOf, ReleaseError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { s3Store } from '../../src/stores/s3.js';
import { publishFolder } from '../helpers/s3-publish.js';
import { S3_CREDENTIALS } from '../helpers/s3-server.js';

interface Ctx {
  server: net.Server;
  sockets: Set<net.Socket>;
  endpoint: string;
}
const silent = suite<Ctx>('S3 endpoint that never answers');
silent.before(async (ctx) => {
  ctx.sockets = new Set();
  // Accepts every connection, reads what it is sent, never writes a byte.
  ctx.server = net.createServer((socket) => {
    ctx.sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => ctx.server.listen(0, '127.0.0.1', resolve));
  ctx.endpoint = `http://127.0.0.1:${(ctx.server.address() as AddressInfo).port}`;
});
silent.after(async (ctx) => {
  for (const socket of ctx.sockets) socket.destroy();
  await new Promise((resolve) => ctx.server.close(resolve));
});

const store = (ctx: Ctx) => s3Store({
  url: 's3://models/team', endpoint: ctx.endpoint, pathStyle: true, env: S3_CREDENTIALS, modelsPath: 'models', log: silentLogger(), networkTimeoutMs: 800,
});

/** Fails instead of hanging: what a missing deadline looks like in a test. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms: no deadline`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function timed(what: Promise<unknown>): Promise<{ error: ReleaseError; ms: number }> {
  const started = Date.now();
  try {
    await within(10_000, what);
  } catch (error) {
    assert.instance(error, ReleaseError, String(error));
    return { error: error as ReleaseError, ms: Date.now() - started };
  }
  throw new Error('expected a failure');
}

for (const [name, run] of [
  ['preflight', (ctx: Ctx) => store(ctx).preflight({ needsExistingBranch: false })],
  ['list (snapshot)', (ctx: Ctx) => store(ctx).snapshot()],
  ['publish (apply)', (ctx: Ctx) => publishFolder(store(ctx), 'models/tiny-v1')],
] as const) {
  silent(`${name} fails as EUNREACHABLE (exit 4) within about twice the timeout, naming the endpoint`, async (ctx) => {
    const { error, ms } = await timed(run(ctx));
    assert.is(error.code, 'EUNREACHABLE', error.message);
    assert.is(exitCodeOf(error), 4);
    assert.match(error.message, `${new URL(ctx.endpoint).host} did not answer within 1s`);
    // Two attempts of 0.8 s and the SDK's short retry delay; far from "forever".
    assert.ok(ms >= 700 && ms < 4000, `took ${ms} ms`);
  });
}

silent.run();

const redirecting = suite<{ server: http.Server; endpoint: string }>('S3 endpoint that redirects');
redirecting.before(async (ctx) => {
  // What S3 answers for a bucket in another region: 307 with the bucket's own endpoint, and no error code the SDK knows.
  ctx.server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(307, { Location: 'https://models.s3.eu-west-1.amazonaws.com/', 'x-amz-bucket-region': 'eu-west-1' }).end();
  });
  await new Promise<void>((resolve) => ctx.server.listen(0, '127.0.0.1', resolve));
  ctx.endpoint = `http://127.0.0.1:${(ctx.server.address() as AddressInfo).port}`;
});
redirecting.after(async (ctx) => { await new Promise((resolve) => ctx.server.close(resolve)); });

redirecting('a 307 is EREDIRECT (exit 4) that says what to set, not "Unknown UnknownError"', async (ctx) => {
  const s3 = s3Store({ url: 's3://models/team', endpoint: ctx.endpoint, pathStyle: true, env: S3_CREDENTIALS, modelsPath: 'models', log: silentLogger(), networkTimeoutMs: 2000 });
  const { error } = await timed(s3.preflight({ needsExistingBranch: false }));
  assert.is(error.code, 'EREDIRECT', error.message);
  assert.is(exitCodeOf(error), 4);
  assert.match(error.message, 'HTTP 307');
  assert.match(error.message, 'AWS_REGION');
  assert.not.match(error.message, 'Unknown');
});

redirecting.run();
