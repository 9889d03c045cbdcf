import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './helpers/capture.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { MLServerStandIn } from './helpers/mlserver-standin.js';
import { createModelProject, writeArtifact, type ModelProject } from './helpers/model-project.js';

const TABLE = { 'batom vermelho': 'maquiagem', 'jogo de futebol': 'game' };
const servers: MLServerStandIn[] = [];

test.after(async () => {
  for (const server of servers) await server.stop();
  removeTempDirs();
});

/** A model project whose artifact is the stand-in's lookup table, plus its sample request. */
function project(): ModelProject {
  const p = createModelProject();
  writeArtifact(p, JSON.stringify(TABLE));
  writeFileSync(path.join(p.dir, 'inference-request.json'), JSON.stringify({ inputs: [{ name: 'predict', shape: [2], datatype: 'BYTES', data: Object.keys(TABLE) }] }));
  return p;
}

async function standIn(root: string, options: Partial<ConstructorParameters<typeof MLServerStandIn>[0]> = {}) {
  const server = await new MLServerStandIn({ root, ...options }).start();
  servers.push(server);
  return server;
}

test('publish to a model folder, reload MLServer, and verify once it is ready after a delay', async () => {
  const p = project();
  const volume = tempDir('mlsr-volume-');
  const server = await standIn(volume, { readyDelayMs: 1200 });
  const run = await cli(['publish', '--model-dir', p.dir, '--version', 'v1', '--target', 'folder', '--repo', volume,
    '--reload-url', server.url, '--verify-url', server.url, '--verify-interval', '0.3', '--verify-timeout', '20', '--json']);
  assert.is(run.code, 0, run.stderr);
  assert.equal(server.loads, ['tiny'], 'MLServer was asked to load the model after the publish');
  assert.match(run.stderr, 'not ready yet (HTTP 400)');
  const result = JSON.parse(run.stdout);
  assert.is(result.verified, true);
  assert.equal(result.verifyResponse.outputs[0].data, ['maquiagem', 'game']);
});

test('verify times out with exit 5 and the last status', async () => {
  const p = project();
  const server = await standIn(tempDir());
  const run = await cli(['verify', '--model-dir', p.dir, '--version', 'v1', '--verify-url', server.url, '--verify-timeout', '1', '--verify-interval', '0.2']);
  assert.is(run.code, 5);
  assert.match(run.stderr, 'was not ready after 1s (last answer: HTTP 404)');
});

test('a wrong model_version in the answer fails with exit 5', async () => {
  const p = project();
  const volume = tempDir();
  await cli(['publish', '--model-dir', p.dir, '--version', 'v2', '--target', 'folder', '--repo', volume]);
  const server = await standIn(volume, { loadAtStart: true, answerVersion: 'v1' });
  const run = await cli(['verify', '--model-dir', p.dir, '--version', 'v2', '--verify-url', server.url]);
  assert.is(run.code, 5);
  assert.match(run.stderr, 'model_version is "v1", expected "v2"');
});

test('an expected-output mismatch prints a readable diff (through a /mlapi prefix)', async () => {
  const p = project();
  const volume = tempDir();
  await cli(['publish', '--model-dir', p.dir, '--version', 'v3', '--target', 'folder', '--repo', volume]);
  const server = await standIn(volume, { loadAtStart: true, prefix: '/mlapi' });
  assert.match(server.url, /\/mlapi$/);
  const expectFile = path.join(p.dir, 'expected.json');
  writeFileSync(expectFile, JSON.stringify({ outputs: [{ name: 'predict', data: ['maquiagem', 'livro'] }] }));
  const run = await cli(['verify', '--model-dir', p.dir, '--version', 'v3', '--verify-url', server.url, '--expect', expectFile]);
  assert.is(run.code, 5);
  assert.match(run.stderr, 'output "predict"[1]: expected "livro", got "game"');

  writeFileSync(expectFile, JSON.stringify({ outputs: [{ name: 'predict', data: ['maquiagem', 'game'] }] }));
  const ok = await cli(['verify', '--model-dir', p.dir, '--version', 'v3', '--verify-url', server.url, '--expect', expectFile]);
  assert.is(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, 'Verified tiny v3');
});

test('verify headers reach MLServer and their values are redacted from all output', async () => {
  const p = project();
  const volume = tempDir();
  await cli(['publish', '--model-dir', p.dir, '--version', 'v4', '--target', 'folder', '--repo', volume]);
  const secret = 'api-key-S3cret+/=';
  const server = await standIn(volume, { loadAtStart: true, requiredHeader: ['X-Api-Key', secret], answerVersion: 'stale' });
  const run = await cli(['verify', '--model-dir', p.dir, '--version', 'v4', '--verify-url', server.url, '--verify-header', `X-Api-Key: ${secret}`, '--json']);
  assert.is(run.code, 5, 'the stale answer fails, after the header was accepted');
  assert.match(run.stderr, 'model_version is "stale"');
  assert.is(server.seenHeaders.at(-1)?.['x-api-key'], secret);
  for (const text of [run.stdout, run.stderr]) {
    assert.not.ok(text.includes(secret) || text.includes(encodeURIComponent(secret)) || text.includes(Buffer.from(secret).toString('base64')), 'the header value leaked');
  }
});

test('a missing sample request is a usage error before anything is published', async () => {
  const p = createModelProject();
  writeArtifact(p);
  const volume = tempDir();
  mkdirSync(path.join(volume, 'models'));
  const run = await cli(['publish', '--model-dir', p.dir, '--version', 'v1', '--target', 'folder', '--repo', volume, '--verify-url', 'http://127.0.0.1:9']);
  assert.is(run.code, 2);
  assert.match(run.stderr, 'The sample inference request');
});

test.run();
