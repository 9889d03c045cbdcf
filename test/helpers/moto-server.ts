/**
 * moto's S3 server (`moto_server`, from the pyenv Python on the machine image;
 * scripts/setup.sh checks it is there) on 127.0.0.1: a second real S3
 * implementation, which does conditional writes itself (If-None-Match: *,
 * If-Match on PutObject and DeleteObject) and multipart uploads in full
 * (ListMultipartUploads, AbortMultipartUpload). A pass-through front counts part
 * uploads and can hold them, like the s3rver front (test/helpers/s3-server.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { listenOnLoopback } from './loopback.js';
import { forwardTo, partGate, serverHandle, type S3Server } from './s3-server.js';

/** moto takes any key; these only have to be present. */
export const MOTO_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'moto-test-key', AWS_SECRET_ACCESS_KEY: 'moto-test-secret', AWS_REGION: 'us-east-1' };

/** moto_server on PATH, else pyenv's shim; undefined when neither is there. */
export function findMotoServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), path.join(env.HOME ?? os.homedir(), '.pyenv', 'shims')];
  return candidates.map((dir) => path.join(dir, 'moto_server')).find((file) => existsSync(file));
}

/** Resolves with moto's port once it prints "Running on http://127.0.0.1:PORT". */
function portOf(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`moto_server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`moto_server exited (${code}) before it answered:\n${output}`));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port, path: '/' }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    }).on('error', () => resolve(false));
  });
}

export async function startMoto(buckets = ['models']): Promise<S3Server> {
  const executable = findMotoServer();
  if (!executable) throw new Error('moto_server was not found on PATH or in ~/.pyenv/shims: run scripts/setup.sh');
  // Port 0: the OS picks a free port and moto prints it, so parallel test files never collide.
  const child = spawn(executable, ['-H', '127.0.0.1', '-p', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await portOf(child, 30_000);
    for (let i = 0; i < 100 && !(await answers(port)); i++) await new Promise((r) => setTimeout(r, 100));
    const directUrl = `http://127.0.0.1:${port}`;
    const client = new S3Client({ region: 'us-east-1', endpoint: directUrl, forcePathStyle: true, credentials: { accessKeyId: MOTO_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: MOTO_CREDENTIALS.AWS_SECRET_ACCESS_KEY } });
    for (const bucket of buckets) await client.send(new CreateBucketCommand({ Bucket: bucket }));
    client.destroy();
    const gate = partGate();
    const front = http.createServer((req, res) => gate.pass(req, () => forwardTo(port, req, res)));
    const url = await listenOnLoopback(front);
    return serverHandle({ url, directUrl, credentials: MOTO_CREDENTIALS, gate, front, rejections: () => 0, stopBackend: () => stopChild(child) });
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
