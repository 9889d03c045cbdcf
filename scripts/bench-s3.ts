/**
 * npm run bench:s3 — a 1 GiB artifact published three ways in one run, side by
 * side: the s3 store (streamed multipart), the git store (into a bare repository
 * over smart HTTP), and a plain `s3cmd put` to the same s3rver. It prints the
 * ratios and the tool's peak memory (VmHWM of the tool's own process). Both S3 cases talk to
 * s3rver directly, not through the tests' conditional-write front, so no case pays for an extra hop.
 *
 * Options: --artifact-mib 1024
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServedRepo, GitHttpServer } from '../test/helpers/git-http-server.js';
import { seedBareRepo } from '../test/helpers/git-repos.js';
import { S3_CREDENTIALS, startS3 } from '../test/helpers/s3-server.js';

const { values } = parseArgs({ options: { 'artifact-mib': { type: 'string', default: '1024' } } });
const artifactMib = Number(values['artifact-mib']);
const MiB = 1024 * 1024;
const work = path.resolve('.bench', 's3');

/** Runs a command, returning its wall time and its peak resident memory (from /proc, polled). */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakMib: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let peak = 0;
    const timer = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
      } catch {
        // exited
      }
    }, 20);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${command} exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMib: peak });
    });
  });
}

async function main(): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const project = path.join(work, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'model-settings.json'), JSON.stringify({ name: 'big', implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.bin' } }));
  console.log(`writing a ${artifactMib} MiB incompressible artifact ...`);
  const fd = openSync(path.join(project, 'model.bin'), 'w');
  for (let i = 0; i < artifactMib; i++) writeSync(fd, randomBytes(MiB));
  closeSync(fd);

  const s3 = await startS3(['models']);
  const gitServer = await new GitHttpServer({ projectRoot: work }).start();
  seedBareRepo(createServedRepo(work, 'models.git'));
  const env = { ...process.env, ...S3_CREDENTIALS, AWS_ENDPOINT_URL_S3: s3.directUrl, MLSERVER_RELEASE_S3_PATH_STYLE: 'true', MLSERVER_RELEASE_CHECK_LOAD: 'never' };
  const tool = (repo: string, target: string, version: string) => ['dist/index.js', 'publish', '--model-dir', project, '--repo', repo, '--target', target, '--version', version];
  try {
    console.log('1. s3 store ...');
    const viaS3 = await measure(process.execPath, tool('s3://models/bench', 's3', 'v1'), env);
    console.log('2. git store ...');
    const viaGit = await measure(process.execPath, tool(`${gitServer.url}/models.git`, 'git', 'v1'), env);
    console.log('3. s3cmd put ...');
    const host = new URL(s3.directUrl).host;
    const plain = await measure('s3cmd', ['--no-ssl', `--host=${host}`, `--host-bucket=${host}`, '--access_key=S3RVER', '--secret_key=S3RVER', '--no-check-md5', '--multipart-chunk-size-mb=8', 'put', path.join(project, 'model.bin'), 's3://models/plain/model.bin'], { ...process.env, HOME: os.tmpdir() });
    console.log(`\n${artifactMib} MiB artifact\n`);
    console.log(`${'case'.padEnd(40)} ${'wall'.padStart(9)} ${'peak memory'.padStart(12)}`);
    for (const [label, m] of [['1. mlserver-release, s3 store', viaS3], ['2. mlserver-release, git store', viaGit], ['3. s3cmd put', plain]] as const) {
      console.log(`${label.padEnd(40)} ${`${m.seconds.toFixed(2)}s`.padStart(9)} ${`${m.peakMib.toFixed(0)} MiB`.padStart(12)}`);
    }
    console.log('\nratios                                   measured   target');
    console.log(`git store / s3 store, wall               ${(viaGit.seconds / viaS3.seconds).toFixed(2).padStart(8)}   >= 10`);
    console.log(`s3 store / s3cmd put, wall               ${(viaS3.seconds / plain.seconds).toFixed(2).padStart(8)}   <= 1.3`);
    console.log(`s3 store peak memory                     ${`${viaS3.peakMib.toFixed(0)} MiB`.padStart(8)}   < 200 MiB`);
  } finally {
    await s3.stop();
    await gitServer.stop();
  }
}

await main();
