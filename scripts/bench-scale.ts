/**
 * npm run bench:scale — any model size, any number of versions (issue #21),
 * measured side by side in one run:
 *
 * A. A big incompressible artifact (default 2 GiB, --big-mib) moved every way the
 *    tool moves a version: publish to S3 (s3rver and moto) beside `s3cmd put` of
 *    the same file to the same server; promote s3 -> git, git -> s3, s3 -> folder,
 *    s3 -> s3 (two buckets behind one endpoint: a copy on the server); default on
 *    s3 and on git. Each case prints its wall time, the tool's peak RSS (VmHWM of
 *    the node process), the peak RSS of git's own processes, and the bytes that
 *    passed through this machine (received from and sent to the servers, counted
 *    at their fronts).
 * B. One small release into a git repository of 10,000 versions of 200 models,
 *    beside the same release into one of 100 versions (--versions, --models):
 *    wall time (median of --reps) and bytes received.
 *
 * Options: --big-mib 2048 --versions 10000 --models 200 --small-versions 100 --reps 3 --only big|versions
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServedRepo, GitHttpServer } from '../test/helpers/git-http-server.js';
import { seedBareRepo } from '../test/helpers/git-repos.js';
import { startMoto } from '../test/helpers/moto-server.js';
import { startS3, type S3Server } from '../test/helpers/s3-server.js';

const { values } = parseArgs({
  options: {
    'big-mib': { type: 'string', default: '2048' },
    versions: { type: 'string', default: '10000' },
    models: { type: 'string', default: '200' },
    'small-versions': { type: 'string', default: '100' },
    reps: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const MiB = 1024 * 1024;
const work = path.resolve('.bench', 'scale');
const tool = path.resolve('dist/index.js');

interface Measured {
  seconds: number;
  toolPeakMib: number;
  gitPeakMib: number;
}

/** The process ids below `root`, from /proc (children, grandchildren: git's helpers). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces; the parent id follows it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parents) if (parent === pid) (out.push(child), walk(child));
  };
  walk(root);
  return out;
}

function peakOf(pid: number): { name: string; mib: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    return hwm ? { name: /Name:\s+(\S+)/.exec(status)?.[1] ?? '', mib: Number(hwm[1]) / 1024 } : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a command; wall time, its own peak RSS, and the largest peak RSS of any git process it started. */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    let toolPeak = 0;
    let gitPeak = 0;
    const timer = setInterval(() => {
      toolPeak = Math.max(toolPeak, peakOf(child.pid!)?.mib ?? 0);
      for (const pid of descendants(child.pid!)) {
        const peak = peakOf(pid);
        if (peak?.name.startsWith('git')) gitPeak = Math.max(gitPeak, peak.mib);
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${command} ${args.slice(0, 2).join(' ')} exited ${code}: ${stderr}`));
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, toolPeakMib: toolPeak, gitPeakMib: gitPeak });
    });
  });
}

const fmt = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);

interface Traffic {
  received(): number;
  sent(): number;
}

function trafficOf(s3: S3Server[], git: GitHttpServer[]): Traffic {
  return {
    received: () => s3.reduce((sum, s) => sum + s.bytesSent, 0) + git.reduce((sum, g) => sum + g.requests.reduce((n, r) => n + r.bytesSent, 0), 0),
    sent: () => s3.reduce((sum, s) => sum + s.bytesReceived, 0) + git.reduce((sum, g) => sum + g.requests.reduce((n, r) => n + (r.bytesReceived ?? 0), 0), 0),
  };
}

async function bigArtifact(): Promise<void> {
  const bigMib = Number(values['big-mib']);
  const dir = path.join(work, 'big');
  rmSync(dir, { recursive: true, force: true });
  const project = path.join(dir, 'project');
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'model-settings.json'), JSON.stringify({ name: 'big', implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.bin' } }));
  console.log(`writing a ${bigMib} MiB incompressible artifact ...`);
  const fd = openSync(path.join(project, 'model.bin'), 'w');
  for (let i = 0; i < bigMib; i++) writeSync(fd, randomBytes(MiB));
  closeSync(fd);

  const s3rver = await startS3(['models', 'other']);
  const moto = await startMoto(['models']);
  const gitServer = await new GitHttpServer({ projectRoot: dir }).start();
  seedBareRepo(createServedRepo(dir, 'production.git'));
  const volume = path.join(dir, 'volume');
  mkdirSync(volume);
  const traffic = trafficOf([s3rver, moto], [gitServer]);
  const envFor = (s3: S3Server) => ({
    PATH: process.env.PATH, HOME: process.env.HOME, ...s3.credentials, AWS_ENDPOINT_URL_S3: s3.url,
    MLSERVER_RELEASE_S3_PATH_STYLE: 'true', MLSERVER_RELEASE_CHECK_LOAD: 'never', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const git = `${gitServer.url}/production.git`;
  const rows: Array<[string, Measured, number, number]> = [];
  const run = async (label: string, command: string, args: string[], env: NodeJS.ProcessEnv) => {
    console.log(`  ${label} ...`);
    const before = { received: traffic.received(), sent: traffic.sent() };
    const measured = await measure(command, args, env);
    rows.push([label, measured, traffic.received() - before.received, traffic.sent() - before.sent]);
  };
  const s3cmd = (s3: S3Server, key: string) => {
    const host = new URL(s3.url).host;
    return ['--no-ssl', `--host=${host}`, `--host-bucket=${host}`, `--access_key=${s3.credentials.AWS_ACCESS_KEY_ID}`, `--secret_key=${s3.credentials.AWS_SECRET_ACCESS_KEY}`, '--no-check-md5', '--multipart-chunk-size-mb=8', 'put', path.join(project, 'model.bin'), `s3://models/${key}`];
  };
  try {
    for (const [name, s3] of [['s3rver', s3rver], ['moto', moto]] as const) {
      await run(`publish --target s3 (${name})`, process.execPath, [tool, 'publish', '--model-dir', project, '--repo', 's3://models/staging', '--target', 's3', '--version', 'v1'], envFor(s3));
      await run(`s3cmd put, 8 MiB parts (${name})`, 's3cmd', s3cmd(s3, 'plain/model.bin'), { ...process.env, HOME: os.tmpdir() });
    }
    const env = envFor(s3rver);
    const promote = (from: string[], to: string[]) => [tool, 'promote', '--model', 'big', '--version', 'v1', ...from, ...to];
    await run('promote s3 -> git', process.execPath, promote(['--from', 's3://models/staging', '--from-target', 's3'], ['--to', git]), env);
    await run('promote git -> s3', process.execPath, promote(['--from', git], ['--to', 's3://other/fromgit', '--to-target', 's3']), env);
    await run('promote s3 -> folder', process.execPath, promote(['--from', 's3://models/staging', '--from-target', 's3'], ['--to', volume, '--to-target', 'folder']), env);
    await run('promote s3 -> s3 (copy on the server)', process.execPath, promote(['--from', 's3://models/staging', '--from-target', 's3'], ['--to', 's3://other/production', '--to-target', 's3']), env);
    await run('default on s3', process.execPath, [tool, 'default', '--model', 'big', '--version', 'v1', '--repo', 's3://models/staging', '--target', 's3'], env);
    await run('default on git', process.execPath, [tool, 'default', '--model', 'big', '--version', 'v1', '--repo', git], env);
  } finally {
    await s3rver.stop();
    await moto.stop();
    await gitServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${bigMib} MiB incompressible artifact, one run each\n`);
  console.log(`${'case'.padEnd(40)} ${'wall'.padStart(9)} ${'tool RSS'.padStart(10)} ${'git RSS'.padStart(10)} ${'received'.padStart(12)} ${'sent'.padStart(12)}`);
  for (const [label, m, received, sent] of rows) {
    console.log(`${label.padEnd(40)} ${`${m.seconds.toFixed(2)}s`.padStart(9)} ${`${m.toolPeakMib.toFixed(0)} MiB`.padStart(10)} ${m.gitPeakMib ? `${m.gitPeakMib.toFixed(0)} MiB`.padStart(10) : '—'.padStart(10)} ${fmt(received).padStart(12)} ${fmt(sent).padStart(12)}`);
  }
  const byLabel = new Map(rows.map((row) => [row[0], row]));
  const ratio = (a: string, b: string) => (byLabel.get(a)![1].seconds / byLabel.get(b)![1].seconds).toFixed(2);
  const toolPeak = Math.max(...rows.filter(([label]) => !label.startsWith('s3cmd')).map(([, m]) => m.toolPeakMib));
  const serverCopy = byLabel.get('promote s3 -> s3 (copy on the server)')!;
  console.log('\nratios and targets                               measured   target');
  console.log(`s3 publish / s3cmd put, wall (s3rver)            ${ratio('publish --target s3 (s3rver)', 's3cmd put, 8 MiB parts (s3rver)').padStart(8)}   <= 1.15`);
  console.log(`s3 publish / s3cmd put, wall (moto)              ${ratio('publish --target s3 (moto)', 's3cmd put, 8 MiB parts (moto)').padStart(8)}   <= 1.15`);
  console.log(`the tool's peak RSS, every case                  ${`${toolPeak.toFixed(0)} MiB`.padStart(8)}   < 256 MiB`);
  console.log(`s3 -> s3 promote through this machine            ${fmt(serverCopy[2] + serverCopy[3]).padStart(8)}   < 1 MiB`);
  console.log(`default on git, received                         ${fmt(byLabel.get('default on git')![2]).padStart(8)}   no artifact bytes`);
}

/** A repository of `versions` small versions spread over `models` models, written by fast-import. */
async function manyVersions(dir: string, versions: number, models: number): Promise<void> {
  if (existsSync(path.join(dir, 'generated'))) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  seedBareRepo(createServedRepo(path.dirname(dir), path.basename(dir)));
  const importer = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const lines: string[] = ['commit refs/heads/main', 'committer Bench <bench@example.com> 1700000000 +0000', 'data 8', 'versions', 'from refs/heads/main^0'];
  const inline = (file: string, text: string) => lines.push(`M 100644 inline ${file}`, `data ${Buffer.byteLength(text)}`, text);
  for (let i = 0; i < versions; i++) {
    const model = `m${i % models}`;
    const version = `v1.0.${Math.floor(i / models)}`;
    const folder = `models/${model}-${version}`;
    inline(`${folder}/model-settings.json`, JSON.stringify({ name: model, implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.txt', version } }));
    inline(`${folder}/model.txt`, `${model} ${version}`);
    inline(`${folder}/release.json`, JSON.stringify({ tool: 'mlserver-release', model, version }));
  }
  importer.stdin.end(lines.join('\n') + '\n');
  await new Promise((resolve) => importer.on('close', resolve));
  writeFileSync(path.join(dir, 'generated'), '');
}

async function versionsCase(): Promise<void> {
  const versions = Number(values.versions);
  const models = Number(values.models);
  const small = Number(values['small-versions']);
  const reps = Number(values.reps);
  const root = path.join(work, 'versions');
  console.log(`generating (cached in .bench/scale/versions): ${versions} versions of ${models} models, and ${small} versions ...`);
  await manyVersions(path.join(root, 'large.git'), versions, models);
  await manyVersions(path.join(root, 'small.git'), small, Math.min(models, small));
  const server = await new GitHttpServer({ projectRoot: root }).start();
  const project = path.join(root, 'project');
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'model-settings.json'), JSON.stringify({ name: 'm7', implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.txt', version: '$VERSAO' } }));
  writeFileSync(path.join(project, 'model.txt'), 'weights');
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, MLSERVER_RELEASE_CHECK_LOAD: 'never' };
  const runId = Date.now().toString(36);
  const results: Array<[string, number, number]> = [];
  try {
    for (const [label, repo] of [[`${versions} versions of ${models} models`, 'large.git'], [`${small} versions`, 'small.git']] as const) {
      const samples: Array<{ seconds: number; received: number }> = [];
      for (let rep = 0; rep < reps; rep++) {
        const before = server.requests.reduce((sum, r) => sum + r.bytesSent, 0);
        const measured = await measure(process.execPath, [tool, 'publish', '--model-dir', project, '--repo', `${server.url}/${repo}`, '--version', `v9.${runId}.${rep}`], env);
        samples.push({ seconds: measured.seconds, received: server.requests.reduce((sum, r) => sum + r.bytesSent, 0) - before });
      }
      samples.sort((a, b) => a.seconds - b.seconds);
      const mid = samples[Math.floor(samples.length / 2)];
      results.push([label, mid.seconds, mid.received]);
    }
  } finally {
    await server.stop();
  }
  console.log(`\none small release (publish, median of ${reps})\n`);
  console.log(`${'into a repository of'.padEnd(40)} ${'wall'.padStart(9)} ${'received'.padStart(12)}`);
  for (const [label, seconds, received] of results) console.log(`${label.padEnd(40)} ${`${seconds.toFixed(2)}s`.padStart(9)} ${fmt(received).padStart(12)}`);
  console.log('\nratios and targets                               measured   target');
  console.log(`${versions} / ${small} versions, wall`.padEnd(49) + `${(results[0][1] / results[1][1]).toFixed(2).padStart(8)}   <= 1.5`);
  console.log(`${versions} versions, received`.padEnd(49) + `${fmt(results[0][2]).padStart(8)}   <= 1 MiB`);
}

if (values.only !== 'big') await versionsCase();
if (values.only !== 'versions') await bigArtifact();
