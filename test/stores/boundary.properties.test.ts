/**
 * Property-based, for every store kind that can hold a hostile listing: fast-check
 * generates entries (names with "..", ".", ".git" and its NTFS/HFS spellings,
 * line breaks, empty components, symlinks, executables) and plants them into a
 * real published version of a real store: a git tree made with `git mktree`, S3
 * keys on moto, a folder on disk, and the GitHub API stand-in's tree (over a git
 * repository). Then promote copies that version into a folder volume that sits
 * deep inside a jail folder, and `default` makes it the default in place (for
 * the API, with the tool's temporary folder inside the jail).
 * Whatever is generated: the exit is 0, 2 or 4, never 1, and nothing appears in
 * the jail but the destination's own models folder.
 */
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { git, newBareRepo, seedBareRepo } from '../helpers/git-repos.js';
import { HostApiStandIn } from '../helpers/host-api-standin.js';
import { plantInGit, plantInS3, type Planted } from '../helpers/hostile-stores.js';
import { MOTO_CREDENTIALS, startMoto } from '../helpers/moto-server.js';
import { createModelProject, writeArtifact } from '../helpers/model-project.js';
import type { S3Server } from '../helpers/s3-server.js';

const RUNS = 8;
const TOKEN = 'api-T0ken';

const component = fc.oneof(
  fc.constantFrom('..', '.', '.git', '.GIT', 'git~1', '.gitmodules', '.git.', 'x\u200c.git'.slice(1), 'a\nb', '', 'model.txt', 'release.json', 'model-settings.json', 'sub'),
  fc.stringMatching(/^[a-z.]{1,6}$/),
);
const relative = fc.array(component, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const entry = fc.record({ path: relative, kind: fc.constantFrom<Planted['kind']>('file', 'executable', 'symlink') });

interface Ctx {
  s3: S3Server;
}
const properties = suite<Ctx>('hostile store listings');
properties.before(async (ctx) => { ctx.s3 = await startMoto(['staging']); });
properties.after(async (ctx) => { await ctx.s3.stop(); removeTempDirs(); });

/** A destination volume 6 levels inside a jail, so up to 6 ".." stay where we can see them. */
function jail(): { jail: string; volume: string } {
  const root = tempDir('mlsr-jail-');
  const volume = path.join(root, 'a', 'b', 'c', 'd', 'e', 'volume');
  mkdirSync(volume, { recursive: true });
  return { jail: root, volume };
}

/** Every path under `dir`, never following a symlink (a planted one may point back up). */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() && !entry.isSymbolicLink() ? [full, ...walk(full)] : [full];
  });
}

/** Everything in the jail that is not on the way to, or inside, the volume's models folder. */
function strays(root: string, volume: string): string[] {
  const models = path.join(volume, 'models');
  const allowed = (p: string) => models === p || models.startsWith(`${p}${path.sep}`) || p.startsWith(`${models}${path.sep}`);
  return walk(root).filter((p) => !allowed(p));
}

function assertContained(run: { code: number; stderr: string }, root: string, volume: string, what: string) {
  // 4: refused at the boundary; 2: what was planted replaced model-settings.json, so there is no such version.
  assert.ok([0, 2, 4].includes(run.code), `${what}: exit ${run.code}\n${run.stderr}`);
  assert.not.match(run.stderr, 'unexpected error', what);
  assert.equal(strays(root, volume), [], `${what}: written outside the destination`);
}

async function publishInto(repo: string, extra: string[] = [], env = baseEnv()) {
  const project = createModelProject();
  writeArtifact(project, 'weights');
  const run = await cli(['publish', '--model-dir', project.dir, '--version', 'v1', '--repo', repo, '--check-load', 'never', ...extra], { env });
  assert.is(run.code, 0, run.stderr);
}

const promoteInto = (from: string[], volume: string, env = baseEnv()) =>
  cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', ...from, '--to', volume, '--to-target', 'folder'], { env });

/** mktree takes one name per level: a generated path becomes nested trees, the last part the entry. */
function plantPath(bare: string, folder: string, planted: { path: string; kind: Planted['kind'] }) {
  const parts = planted.path.split('/');
  const name = parts.pop()!;
  if (name === '' || parts.includes('')) return false; // git cannot hold an empty name at all
  plantInGit(bare, [folder, ...parts].join('/'), { name, kind: planted.kind, content: planted.kind === 'symlink' ? '../../../../../../../../etc' : 'planted\n' });
  return true;
}

properties('git: trees made with git mktree', async () => {
  const staging = newBareRepo();
  await publishInto(staging);
  const clean = git(['rev-parse', 'main'], staging).trim();
  await fc.assert(fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 3 }), async (entries) => {
    git(['update-ref', 'refs/heads/main', clean], staging);
    if (!entries.every((e) => plantPath(staging, 'models/tiny-v1', e))) return;
    const { jail: root, volume } = jail();
    assertContained(await promoteInto([staging], volume), root, volume, `git ${JSON.stringify(entries)}`);
  }), { numRuns: RUNS });
});

properties('S3: keys written with the SDK (moto keeps ".." as S3 does)', async (ctx) => {
  const env = baseEnv({ ...MOTO_CREDENTIALS, AWS_ENDPOINT_URL_S3: ctx.s3.url, MLSERVER_RELEASE_S3_PATH_STYLE: 'true' });
  await publishInto('s3://staging/team', ['--target', 's3'], env);
  const client = new S3Client({ region: 'us-east-1', endpoint: ctx.s3.url, forcePathStyle: true, credentials: { accessKeyId: MOTO_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: MOTO_CREDENTIALS.AWS_SECRET_ACCESS_KEY } });
  const published = new Set(((await client.send(new ListObjectsV2Command({ Bucket: 'staging' }))).Contents ?? []).map((o) => o.Key!));
  await fc.assert(fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 3 }), async (entries) => {
    for (const object of (await client.send(new ListObjectsV2Command({ Bucket: 'staging' }))).Contents ?? []) {
      if (!published.has(object.Key!)) await client.send(new DeleteObjectCommand({ Bucket: 'staging', Key: object.Key! }));
    }
    for (const e of entries) {
      // A key the server itself refuses (moto answers 404 to a line break) is no attack on it.
      const taken = await plantInS3(ctx.s3.url, 'staging', `team/models/tiny-v1/${e.path}`, 'planted\n', MOTO_CREDENTIALS).then(() => true, () => false);
      if (!taken) return;
    }
    const { jail: root, volume } = jail();
    assertContained(await promoteInto(['s3://staging/team', '--from-target', 's3'], volume, env), root, volume, `s3 ${JSON.stringify(entries)}`);
  }), { numRuns: RUNS });
  client.destroy();
});

properties('folder: what a file system can hold (symlinks out, dot names, line breaks), and default in place', async () => {
  const onDisk = fc.record({
    name: fc.oneof(fc.constantFrom('.git', '.gitmodules', 'a\nb', 'GIT~1', 'ok.txt', 'sub'), fc.stringMatching(/^[a-z.]{1,6}$/)).filter((n) => n !== '.' && n !== '..'),
    kind: fc.constantFrom('file', 'symlink', 'dir-symlink'),
  });
  await fc.assert(fc.asyncProperty(fc.array(onDisk, { minLength: 1, maxLength: 3 }), async (entries) => {
    const staging = jail();
    await publishInto(staging.volume, ['--target', 'folder']);
    const folder = path.join(staging.volume, 'models', 'tiny-v1');
    for (const e of entries) {
      const target = path.join(folder, e.name);
      rmSync(target, { recursive: true, force: true });
      if (e.kind === 'file') writeFileSync(target, 'planted\n');
      else symlinkSync(e.kind === 'symlink' ? '/etc/hostname' : staging.jail, target);
    }
    const { jail: root, volume } = jail();
    assertContained(await promoteInto([staging.volume, '--from-target', 'folder'], volume), root, volume, `folder ${JSON.stringify(entries)}`);
    const inPlace = await cli(['default', '--version', 'v1', '--model', 'tiny', '--repo', staging.volume, '--target', 'folder']);
    assertContained(inPlace, staging.jail, staging.volume, `default ${JSON.stringify(entries)}`);
  }), { numRuns: RUNS });
});

properties('GitHub API: the stand-in serves a tree made with git mktree; default through --via api stages nothing outside its temp folder', async () => {
  const root = tempDir('mlsr-api-');
  mkdirSync(path.join(root, 'acme'));
  const api = await new HostApiStandIn({ root, token: TOKEN }).start();
  const bare = path.join(root, 'acme', 'models.git');
  git(['init', '--quiet', '--bare', '-b', 'main', bare]);
  seedBareRepo(bare);
  await publishInto(bare);
  const clean = git(['rev-parse', 'main'], bare).trim();
  const env = baseEnv({ MLSERVER_REPO_TOKEN: TOKEN, MLSERVER_RELEASE_GITHUB_WRITE_INTERVAL_MS: '0' });
  const savedTmp = process.env.TMPDIR;
  const restoreTmp = () => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  };
  try {
    await fc.assert(fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 3 }), async (entries) => {
      git(['update-ref', 'refs/heads/main', clean], bare);
      if (!entries.every((e) => plantPath(bare, 'models/tiny-v1', e))) return;
      // The tool stages the copy under os.tmpdir(): put that inside a jail and look at the jail afterwards.
      const { jail: cell, volume: tmp } = jail();
      process.env.TMPDIR = tmp;
      const run = await cli(['default', '--version', 'v1', '--model', 'tiny', '--repo', 'https://github.com/acme/models.git', '--via', 'api', '--api-url', `${api.url}/api/v3`], { env });
      restoreTmp();
      assert.ok([0, 2, 4].includes(run.code), `api ${JSON.stringify(entries)}: exit ${run.code}\n${run.stderr}`);
      assert.not.match(run.stderr, 'unexpected error');
      assert.equal(walk(cell).filter((p) => !tmp.startsWith(p)), [], `api ${JSON.stringify(entries)}: staged outside the temp folder, or left behind`);
    }), { numRuns: RUNS });
  } finally {
    restoreTmp();
    await api.stop();
  }
});

properties.run();
