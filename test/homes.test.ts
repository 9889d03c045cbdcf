/**
 * Every verb from every home that is not the command line: the Action, run from
 * source by GitHub's own runner emulation (@github/local-action), and a zx script
 * calling the library from the committed bundle. Real stores (a model-volume
 * folder that the MLServer stand-in serves, a bare git repository, a GitOps
 * folder), real effects checked on disk.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import YAML from 'yaml';
import { spawnNode } from './helpers/capture.js';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { listFiles, newBareRepo } from './helpers/git-repos.js';
import { MLServerStandIn } from './helpers/mlserver-standin.js';
import { createModelProject, writeArtifact, type ModelProject } from './helpers/model-project.js';

const TABLE = { 'batom vermelho': 'maquiagem', 'jogo de tabuleiro': 'game' };

interface Ctx {
  server: MLServerStandIn;
  project: ModelProject;
  staging: string;
}

function project(): ModelProject {
  const p = createModelProject();
  writeArtifact(p, JSON.stringify(TABLE));
  writeFileSync(path.join(p.dir, 'inference-request.json'), JSON.stringify({ inputs: [{ name: 'predict', shape: [2], datatype: 'BYTES', data: Object.keys(TABLE) }] }));
  return p;
}

/**
 * One `uses:` step on a branch push, run from source by GitHub's own runner
 * emulation (@github/local-action); returns its outputs (the `::set-output`
 * lines it prints), its job summary and what it printed.
 */
async function step(inputs: Record<string, string>): Promise<{ outputs: Record<string, string>; summary: string; out: string }> {
  const files = tempDir('mlsr-runner-');
  const dotenv = path.join(files, '.env');
  const summaryFile = path.join(files, 'summary');
  writeFileSync(summaryFile, '');
  writeFileSync(dotenv, [...Object.entries(inputs).map(([name, value]) => `INPUT_${name.toUpperCase()}=${value}`), 'GITHUB_ACTIONS=true', 'GITHUB_REF_TYPE=branch', 'GITHUB_REF_NAME=main'].join('\n') + '\n');
  const run = await spawnNode([path.resolve('node_modules/@github/local-action/bin/local-action.js'), 'run', process.cwd(), 'src/action.ts', dotenv], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', FORCE_COLOR: '0', GITHUB_STEP_SUMMARY: summaryFile }, cwd: process.cwd(),
  });
  const out = (run.stdout + run.stderr).replace(/\x1b\[[0-9;]*m/g, '');
  const outputs: Record<string, string> = {};
  for (const match of out.matchAll(/::set-output name=([\w-]+)::(.*)/g)) outputs[match[1]] = match[2];
  return { outputs, summary: readFileSync(summaryFile, 'utf8'), out };
}

const action = suite<Ctx>('every verb through the Action (@github/local-action)');

action.before(async (ctx) => {
  ctx.staging = tempDir('mlsr-volume-');
  ctx.server = await new MLServerStandIn({ root: ctx.staging }).start();
  ctx.project = project();
});
action.after(async (ctx) => {
  await ctx.server.stop();
  removeTempDirs();
});

action('publish, verify, list, promote, default, rollout and prune, each with status and changed outputs and a summary', async (ctx) => {
  const { project: p, staging, server } = ctx;
  const base = { 'model-dir': p.dir, 'check-load': 'never' };
  for (const version of ['v1', 'v2']) {
    const published = await step({ ...base, command: 'publish', version, target: 'folder', repo: staging, 'reload-url': server.url });
    assert.is(published.outputs.status, 'pushed', published.out);
    assert.is(published.outputs.changed, 'true');
  }
  assert.ok(existsSync(path.join(staging, 'models/tiny-v2/model.txt')));

  const verified = await step({ command: 'verify', 'model-dir': p.dir, version: 'v2', 'verify-url': server.url, 'verify-interval': '0.3', 'verify-timeout': '20' });
  assert.is(verified.outputs.status, 'verified', verified.out);
  assert.is(verified.outputs.verified, 'true');

  const listed = await step({ command: 'list', repo: staging, target: 'folder' });
  assert.is(listed.outputs.status, 'listed', listed.out);

  const production = newBareRepo();
  const promoted = await step({ command: 'promote', model: 'tiny', version: 'v2', from: staging, 'from-target': 'folder', to: production });
  assert.is(promoted.outputs.status, 'pushed', promoted.out);
  assert.match(promoted.outputs.source, staging);
  assert.ok(listFiles(production).includes('models/tiny-v2/model.txt'));
  assert.match(promoted.summary, '### Promoted tiny v2');

  // The dry run writes nothing; then the real default.
  const dry = await step({ command: 'default', model: 'tiny', version: 'v2', repo: production, 'dry-run': 'true' });
  assert.is(dry.outputs.status, 'dry-run', dry.out);
  assert.not.ok(listFiles(production).includes('models/tiny/model.txt'), 'a dry run wrote the default');
  const set = await step({ command: 'default', model: 'tiny', version: 'v2', repo: production });
  assert.is(set.outputs.status, 'default-set', set.out);
  assert.match(set.summary, '### Default set: tiny v2');
  assert.ok(listFiles(production).includes('models/tiny/model.txt'));

  const gitops = tempDir('mlsr-gitops-');
  const rolled = await step({ command: 'rollout', platform: 'kserve', model: 'tiny', version: 'v2', 'model-dir': p.dir, 'storage-uri': 's3://models/models/tiny-v2', 'manifests-repo': gitops, 'manifests-target': 'folder' });
  assert.is(rolled.outputs.status, 'rolled-out', rolled.out);
  const manifest = YAML.parse(readFileSync(path.join(gitops, 'deploy/tiny/inferenceservice.yaml'), 'utf8'));
  assert.is(manifest.spec.predictor.model.storageUri, 's3://models/models/tiny-v2');

  const pruned = await step({ command: 'prune', repo: staging, target: 'folder', keep: '1', yes: 'true' });
  assert.is(pruned.outputs.status, 'pruned', pruned.out);
  assert.equal(JSON.parse(pruned.outputs.removed).map((v: { version: string }) => v.version), ['v1']);
  assert.not.ok(existsSync(path.join(staging, 'models/tiny-v1')));

  const failed = await step({ command: 'default', model: 'tiny', version: 'v9', repo: production });
  assert.is(failed.outputs.status, 'failed', failed.out);
  assert.is(failed.outputs.changed, 'false');
  assert.match(failed.summary, /### default failed \(exit \d\)/);
});

action.run();

const zx = suite('every verb from a zx script through the library');

zx.after(removeTempDirs);

zx('a zx script releases, verifies, promotes, rolls back, lists, prunes and rolls out with the library', async () => {
  const p = project();
  const staging = tempDir('mlsr-volume-');
  const server = await new MLServerStandIn({ root: staging }).start();
  try {
    const production = newBareRepo();
    const gitops = tempDir('mlsr-gitops-');
    const script = path.join(tempDir(), 'cycle.mjs');
    writeFileSync(script, `
import { publish, verify, promote, setDefault, list, prune, rollout, ReleaseError } from ${JSON.stringify(path.resolve('dist/index.js'))};
const runtime = { env: { ...process.env, MLSERVER_RELEASE_CHECK_LOAD: 'never' } };
const staging = ${JSON.stringify(staging)}, production = ${JSON.stringify(production)};
const out = {};
for (const version of ['v1', 'v2']) out[version] = (await publish({ modelDir: ${JSON.stringify(p.dir)}, version, target: 'folder', repo: staging, reloadUrl: ${JSON.stringify(server.url)} }, runtime)).status;
out.verified = (await verify({ modelDir: ${JSON.stringify(p.dir)}, version: 'v2', verifyUrl: ${JSON.stringify(server.url)}, verifyInterval: 0.3 }, runtime)).version;
for (const version of ['v1', 'v2']) out['promoted-' + version] = (await promote({ model: 'tiny', version, from: staging, fromTarget: 'folder', to: production, makeDefault: true }, runtime)).status;
out.rolledBack = (await setDefault({ model: 'tiny', version: 'v1', repo: production }, runtime)).changed;
out.versions = (await list({ repo: production }, runtime)).models[0].versions.map((v) => v.version);
out.wouldPrune = (await prune({ repo: staging, target: 'folder', keep: 1 }, runtime)).removed.map((v) => v.version);
out.rollout = (await rollout({ platform: 'seldon', model: 'tiny', version: 'v2', modelDir: ${JSON.stringify(p.dir)}, storageUri: 's3://m/models/tiny-v2', manifestsRepo: ${JSON.stringify(gitops)}, manifestsTarget: 'folder', dryRun: true }, runtime)).dryRun;
try { await promote({ model: 'tiny', version: 'v2', from: staging, fromTarget: 'floppy', to: production }, runtime); } catch (error) { out.badChoice = error instanceof ReleaseError ? error.exitCode + ' ' + error.message : String(error); }
echo(JSON.stringify(out));
`);
    const out = await spawnNode([path.resolve('node_modules/zx/build/cli.js'), script], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, cwd: tempDir() });
    assert.is(out.status, 0, out.stdout + out.stderr);
    const result = JSON.parse(out.stdout.trim().split('\n').at(-1)!);
    assert.equal(result, {
      v1: 'pushed', v2: 'pushed', verified: 'v2', 'promoted-v1': 'pushed', 'promoted-v2': 'pushed', rolledBack: true,
      versions: ['v1', 'v2'], wouldPrune: ['v1'], rollout: true,
      badChoice: '2 Unknown from-target "floppy" (option fromTarget): expected one of git, folder, s3',
    });
    assert.ok(existsSync(path.join(staging, 'models/tiny-v1')), 'prune without yes removed nothing');
    assert.not.ok(existsSync(path.join(gitops, 'deploy')), 'the rollout dry run wrote nothing');
  } finally {
    await server.stop();
  }
});

zx.run();
