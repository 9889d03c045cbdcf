/**
 * npm run bench: what a release costs as the MLServer repo grows.
 *
 * Generates a model repository (default 1 GiB: many versions with incompressible
 * artifacts, one commit each), serves it over real smart HTTP on 127.0.0.1, and
 * measures in one run, side by side:
 *   1. seed    the hand-written script: full clone, copy, commit, push
 *   2. tool    mlserver-release publishing a new model of a few MiB
 *   3. floor   pushing that same single commit from a clone that already has everything
 * and (2) again against a small (~10 MiB) repository, to show the cost stays flat.
 * Then what the MLServer checks add to a release: schema validation, the probe of
 * the notebook's Python, and the load check (against the stand-in mlserver package,
 * since MLServer itself cannot be installed here).
 *
 * Options: --checks-only --size-mib 1024 --artifact-mib 4 --small-mib 10 --new-model-mib 4 --reps 5 --seed-reps 3
 *          --s3-artifact-mib 1024 (the object-storage comparison, scripts/bench-s3.ts)
 *          --big-mib 2048 (any model size and 10,000 versions, scripts/bench-scale.ts, which runs last)
 */
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { $ } from 'zx';
import { promote } from '../src/commands/promote.js';
import { release } from '../src/commands/release.js';
import { silentLogger } from '../src/log.js';
import { GitHttpServer } from '../test/helpers/git-http-server.js';
import { CUSTOM_RUNTIME, withStandinMlserver } from '../test/helpers/mlserver-package.js';
import { probeEnvironment } from '../src/mlserver/probe.js';
import { validateSettings } from '../src/settings/validate.js';
import { guardedStore } from '../src/stores/boundary.js';
import type { ModelStore } from '../src/stores/types.js';

const { values } = parseArgs({
  options: {
    'size-mib': { type: 'string', default: '1024' },
    'artifact-mib': { type: 'string', default: '4' },
    'small-mib': { type: 'string', default: '10' },
    'new-model-mib': { type: 'string', default: '4' },
    reps: { type: 'string', default: '5' },
    'seed-reps': { type: 'string', default: '3' },
    'checks-only': { type: 'boolean', default: false },
    's3-artifact-mib': { type: 'string', default: '1024' },
    'big-mib': { type: 'string', default: '2048' },
  },
});
const sizeMib = Number(values['size-mib']);
const artifactMib = Number(values['artifact-mib']);
const smallMib = Number(values['small-mib']);
const newModelMib = Number(values['new-model-mib']);
const reps = Number(values.reps);
// The full clone is the slow case, so it gets fewer repetitions.
const seedReps = Number(values['seed-reps']);

$.quiet = true;
const work = path.resolve('.bench');
const MiB = 1024 * 1024;

/** Streams a repository into `git fast-import`: one commit per model version. */
async function generateRepo(dir: string, totalMib: number, perArtifactMib: number): Promise<void> {
  if (existsSync(path.join(dir, 'generated'))) return;
  rmSync(dir, { recursive: true, force: true });
  await $`git init --quiet --bare -b main ${dir}`;
  // Random bytes do not compress; storing them uncompressed keeps generation fast.
  await $`git -C ${dir} config core.compression 0`;
  const versions = Math.max(1, Math.round(totalMib / perArtifactMib));
  const importer = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const write = (chunk: string | Buffer) =>
    new Promise<void>((resolve) => (importer.stdin.write(chunk) ? resolve() : importer.stdin.once('drain', resolve)));
  const data = async (bytes: Buffer | string) => {
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
    await write(`data ${buffer.length}\n`);
    await write(buffer);
    await write('\n');
  };
  await write('commit refs/heads/main\ncommitter Bench <bench@example.com> 1700000000 +0000\n');
  await data('Initial commit');
  await write('M 100644 inline README.md\n');
  await data('# MLServer models\n');
  for (let i = 0; i < versions; i++) {
    const name = `model-${i % 8}`;
    const folder = `models/${name}-v${Math.floor(i / 8)}.0.0`;
    await write(`blob\nmark :${i + 1}\n`);
    await data(randomBytes(perArtifactMib * MiB));
    await write(`commit refs/heads/main\ncommitter Bench <bench@example.com> ${1700000000 + i + 1} +0000\n`);
    await data(`Release model ${name} v${Math.floor(i / 8)}.0.0`);
    await write(`M 100644 :${i + 1} ${folder}/model.joblib\nM 100644 inline ${folder}/model-settings.json\n`);
    await data(JSON.stringify({ name, implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.joblib' } }));
  }
  importer.stdin.end();
  await new Promise((resolve) => importer.on('close', resolve));
  await $`git -C ${dir} config http.receivepack true`;
  await $`git -C ${dir} config uploadpack.allowFilter true`;
  writeFileSync(path.join(dir, 'generated'), `${versions} versions\n`);
}

function modelProject(dir: string, name: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'model-settings.json'), JSON.stringify({ name, implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.joblib', version: '$VERSAO' } }));
  writeFileSync(path.join(dir, 'model.joblib'), randomBytes(newModelMib * MiB));
}

interface Sample {
  seconds: number;
  bytes: number;
}

async function measure(server: GitHttpServer, action: () => Promise<void>): Promise<Sample> {
  const before = server.requests.reduce((sum, r) => sum + r.bytesSent, 0);
  const started = process.hrtime.bigint();
  await action();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, bytes: server.requests.reduce((sum, r) => sum + r.bytesSent, 0) - before };
}

const identity = ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com'];
// The generated repos are cached across runs, so every published name carries this run's id.
const runId = Date.now().toString(36);
let counter = 0;

/** 1. The seed's script: clone everything, copy, commit, push. */
async function seedWay(url: string, project: string): Promise<void> {
  const dir = path.join(os.tmpdir(), `bench-seed-${process.pid}-${++counter}`);
  try {
    await $`git clone --quiet ${url} ${dir}`;
    const folder = path.join(dir, 'models', `seed-${runId}-${counter}`);
    mkdirSync(folder, { recursive: true });
    await $`cp ${path.join(project, 'model.joblib')} ${path.join(project, 'model-settings.json')} ${folder}`;
    await $`git -C ${dir} add .`;
    await $`git -C ${dir} ${identity} commit --quiet -m ${`Release model new v${counter}`}`;
    await $`git -C ${dir} push --quiet origin main`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 3. The floor: the same one-folder commit pushed from a clone that is already up to date. */
async function floorWay(clone: string, project: string): Promise<void> {
  const folder = path.join(clone, 'models', `floor-${runId}-${++counter}`);
  mkdirSync(folder, { recursive: true });
  await $`cp ${path.join(project, 'model.joblib')} ${path.join(project, 'model-settings.json')} ${folder}`;
  await $`git -C ${clone} add .`;
  await $`git -C ${clone} ${identity} commit --quiet -m ${`Release model floor v${counter}`}`;
  await $`git -C ${clone} push --quiet origin main`;
}

/** The last version the tool published into each repository, for the promotion case. */
const lastVersionIn = new Map<string, string>();

/** 2. This tool, through its library entry, as a release would run it. */
async function toolWay(url: string, project: string): Promise<void> {
  lastVersionIn.set(url, `${runId}-${counter + 1}`);
  await release(
    { modelDir: project, repo: url, version: `${runId}-${++counter}`, runner: 'none', branch: 'main' },
    { env: { PATH: process.env.PATH, HOME: process.env.HOME }, cwd: project, log: silentLogger() },
  );
}

function median(samples: Sample[]): Sample {
  const sorted = [...samples].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)];
}

async function repeat(n: number, server: GitHttpServer, action: () => Promise<void>, prepare?: () => Promise<void>): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < n; i++) {
    await prepare?.();
    samples.push(await measure(server, action));
  }
  console.log(`  samples: ${samples.map((s) => `${s.seconds.toFixed(2)}s`).join(' ')}`);
  return median(samples);
}

const fmtBytes = (b: number) => (b >= MiB ? `${(b / MiB).toFixed(1)} MiB` : `${(b / 1024).toFixed(1)} KiB`);

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const big = path.join(work, `repo-${sizeMib}mib-${artifactMib}.git`);
  const small = path.join(work, `repo-${smallMib}mib-1.git`);
  console.log(`generating (cached in .bench/): ${sizeMib} MiB repo of ${artifactMib} MiB artifacts, and a ${smallMib} MiB repo ...`);
  await generateRepo(big, sizeMib, artifactMib);
  await generateRepo(small, smallMib, 1);

  const server = await new GitHttpServer({ projectRoot: work }).start();
  const project = path.join(work, 'project');
  modelProject(project, 'new-model');
  try {
    const bigUrl = `${server.url}/${path.basename(big)}`;
    const smallUrl = `${server.url}/${path.basename(small)}`;
    const floorClone = path.join(os.tmpdir(), `bench-floor-${process.pid}`);
    await $`git clone --quiet ${bigUrl} ${floorClone}`;

    console.log(`measuring, median of ${seedReps} runs for the seed and ${reps} for the others ...`);
    // The seed's full clones run last: deleting gigabytes of clones leaves the disk busy
    // writing back for a while, which would slow whatever is measured next.
    // Every run publishes a never-seen artifact: re-sending bytes the server already has
    // would let git skip them and measure less than a real release.
    const freshModel = async () => writeFileSync(path.join(project, 'model.joblib'), randomBytes(newModelMib * MiB));
    const tool = await repeat(reps, server, () => toolWay(bigUrl, project), freshModel);
    // Untimed: bring the floor's clone up to date first, so only its commit and push are measured.
    const floor = await repeat(reps, server, () => floorWay(floorClone, project), async () => {
      await $`git -C ${floorClone} pull --quiet --ff-only origin main`;
      await freshModel();
    });
    const toolSmall = await repeat(reps, server, () => toolWay(smallUrl, project), freshModel);
    const seed = await repeat(seedReps, server, () => seedWay(bigUrl, project), freshModel);
    rmSync(floorClone, { recursive: true, force: true });

    // Promotion between two 1 GiB repositories: only the promoted version's bytes should travel.
    const production = path.join(work, `repo-${sizeMib}mib-${artifactMib}-production.git`);
    await generateRepo(production, sizeMib, artifactMib);
    const productionUrl = `${server.url}/${path.basename(production)}`;
    const promoted = await measure(server, () => promote(
      { version: lastVersionIn.get(bigUrl)!, model: 'new-model', from: { repo: bigUrl, branch: 'main' }, to: { repo: productionUrl, branch: 'main' } },
      { env: { PATH: process.env.PATH, HOME: process.env.HOME }, cwd: project, log: silentLogger() },
    ).then(() => undefined));

    const rows: Array<[string, Sample]> = [
      [`1. seed: full clone + push (${sizeMib} MiB repo)`, seed],
      [`2. mlserver-release publish (${sizeMib} MiB repo)`, tool],
      [`3. floor: push from an up-to-date clone`, floor],
      [`2'. mlserver-release publish (${smallMib} MiB repo)`, toolSmall],
    ];
    console.log(`\nnew model: ${newModelMib} MiB artifact\n`);
    console.log(`${'case'.padEnd(52)} ${'wall'.padStart(9)} ${'received'.padStart(12)}`);
    for (const [label, s] of rows) console.log(`${label.padEnd(52)} ${`${s.seconds.toFixed(2)}s`.padStart(9)} ${fmtBytes(s.bytes).padStart(12)}`);
    const ratio = (a: number, b: number) => (a / b).toFixed(3);
    console.log('\nratios                                   measured   target');
    console.log(`tool / seed, wall time                   ${ratio(tool.seconds, seed.seconds).padStart(8)}   <= 0.05`);
    console.log(`tool / seed, bytes received              ${ratio(tool.bytes, seed.bytes).padStart(8)}`);
    console.log(`tool bytes received                      ${fmtBytes(tool.bytes).padStart(8)}   <= 1 MiB`);
    console.log(`tool at ${sizeMib} MiB / tool at ${smallMib} MiB, wall      ${ratio(tool.seconds, toolSmall.seconds).padStart(8)}   <= 1.5`);
    console.log(`tool / floor, wall time                  ${ratio(tool.seconds, floor.seconds).padStart(8)}   <= 2`);
    const budget = newModelMib * MiB + 256 * 1024;
    console.log(`\npromote ${newModelMib} MiB version between two ${sizeMib} MiB repos: ${promoted.seconds.toFixed(2)}s, received ${fmtBytes(promoted.bytes)} (target <= ${fmtBytes(budget)}: ${promoted.bytes <= budget ? 'met' : 'MISSED'})`);
  } finally {
    await server.stop();
  }
}

/** What validating for an MLServer line and the load check add to one release. */
async function measureChecks(): Promise<void> {
  console.log('\nMLServer checks (load check against the STAND-IN mlserver package, not real MLServer)');
  const settings = { name: 'm', implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './m.joblib' },
    inputs: Array.from({ length: 8 }, (_, i) => ({ name: `x${i}`, datatype: 'FP32', shape: [-1, 4] })) };
  const iterations = 2000;
  let started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) validateSettings(settings, 'model-settings.json', i % 2 ? '1.3' : '1.7');
  const validateMs = Number(process.hrtime.bigint() - started) / 1e6 / iterations;

  const project = path.join(work, 'checks-project');
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'model-settings.json'), JSON.stringify({ name: 'checks', implementation: 'custom_runtime.TextModel', parameters: { uri: './model.txt' } }));
  writeFileSync(path.join(project, 'custom_runtime.py'), CUSTOM_RUNTIME);
  writeFileSync(path.join(project, 'model.txt'), 'weights');
  writeFileSync(path.join(project, 'inference-request.json'), JSON.stringify({ inputs: [{ name: 't', shape: [1], datatype: 'BYTES', data: ['x'] }] }));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...withStandinMlserver('1.3.2') };
  const probes: number[] = [];
  for (let i = 0; i < reps; i++) {
    started = process.hrtime.bigint();
    await probeEnvironment('/usr/bin/python3', 'custom_runtime.TextModel', project, { ...env, PYTHONDONTWRITEBYTECODE: '1' });
    probes.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  const repo = path.join(work, 'checks-repo.git');
  rmSync(repo, { recursive: true, force: true });
  await $`git init --quiet --bare -b main ${repo}`;
  const publishOnce = async (checkLoad: string) => {
    const t0 = process.hrtime.bigint();
    await release({ modelDir: project, repo, version: `${runId}-${++counter}`, runner: 'none', checkLoad }, { env, cwd: project, log: silentLogger() });
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const never: number[] = [];
  const always: number[] = [];
  for (let i = 0; i < reps; i++) {
    never.push(await publishOnce('never'));
    always.push(await publishOnce('always'));
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${'validate model-settings.json (zod schema), per file'.padEnd(60)} ${`${validateMs.toFixed(3)} ms`.padStart(10)}`);
  console.log(`${'probe the notebook\'s Python (mlserver version, implementation)'.padEnd(60)} ${`${mid(probes).toFixed(3)} s`.padStart(10)}`);
  console.log(`${'publish to a local repo, --check-load never'.padEnd(60)} ${`${mid(never).toFixed(3)} s`.padStart(10)}`);
  console.log(`${'publish to a local repo, --check-load always (stand-in)'.padEnd(60)} ${`${mid(always).toFixed(3)} s`.padStart(10)}`);
  console.log(`${'load check adds'.padEnd(60)} ${`${(mid(always) - mid(never)).toFixed(3)} s`.padStart(10)}`);
  await measureBoundary(mid);
}

/**
 * What the store boundary (src/stores/boundary.ts) adds: the same in-memory
 * snapshot of 10,000 version folders (3 files each) listed raw and through
 * guardedStore, every folder name and file path checked.
 */
async function measureBoundary(mid: (xs: number[]) => number): Promise<void> {
  const folders = new Map(Array.from({ length: 10_000 }, (_, i) => {
    const folder = `models/model${i % 200}-v1.0.${Math.floor(i / 200)}`;
    const files = new Map([['model-settings.json', 'a'], ['model.joblib', 'b'], ['release.json', 'c']]);
    return [folder, { folder, files: async () => files }] as const;
  }));
  const raw = {
    kind: 'folder', location: 'memory', preflight: async () => undefined, readFolder: async () => [], apply: async () => { throw new Error('unused'); },
    snapshot: async () => ({ folders, readTexts: async () => new Map(), contentIds: async () => new Map() }),
  } as unknown as ModelStore;
  const guarded = guardedStore(raw);
  const listAll = async (store: ModelStore) => {
    const t0 = process.hrtime.bigint();
    const snapshot = await store.snapshot();
    for (const folder of snapshot.folders.values()) await folder.files();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const rawMs: number[] = [];
  const guardedMs: number[] = [];
  for (let i = 0; i < Math.max(reps, 5); i++) {
    rawMs.push(await listAll(raw));
    guardedMs.push(await listAll(guarded));
  }
  console.log(`${'snapshot of 10,000 versions, raw store (in memory)'.padEnd(60)} ${`${mid(rawMs).toFixed(1)} ms`.padStart(10)}`);
  console.log(`${'same, through the store boundary (every path checked)'.padEnd(60)} ${`${mid(guardedMs).toFixed(1)} ms`.padStart(10)}`);
  console.log(`${'boundary adds, per version folder'.padEnd(60)} ${`${((mid(guardedMs) - mid(rawMs)) / 10).toFixed(2)} us`.padStart(10)}   peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

const onlyChecks = values['checks-only'];
if (!onlyChecks) await main();
await measureChecks();
if (!onlyChecks) {
  // The object-storage comparison runs in its own process, so its peak-memory figure is the tool's alone.
  const s3 = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-s3.ts'), '--artifact-mib', values['s3-artifact-mib']!], { stdio: 'inherit' });
  if (s3.status !== 0) process.exit(s3.status ?? 1);
  // Any model size, any number of versions: streaming, copies on the server, 10,000 versions.
  const scale = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-scale.ts'), '--big-mib', values['big-mib']!], { stdio: 'inherit' });
  if (scale.status !== 0) process.exit(scale.status ?? 1);
}
