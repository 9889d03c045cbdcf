import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ReleaseError } from '../../src/errors.js';
import { Logger } from '../../src/log.js';
import type { Env } from '../../src/process.js';
import { maskCredentials } from '../../src/stores/credentials.js';
import type { Credentials } from '../../src/stores/credentials.js';
import type { BackoffOptions } from '../../src/publish/retry.js';
import { publishVersion } from '../../src/publish-version.js';
import { gitStore } from '../../src/stores/git.js';
import type { FileToPublish } from '../../src/stores/types.js';
import { Redactor } from '../../src/redact.js';
import { baseEnv, Capture } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { createServedRepo, GitHttpServer } from '../helpers/git-http-server.js';
import { commitCount, git, listFiles, readFile, seedBareRepo } from '../helpers/git-repos.js';
import { assertNoLeak, watchForLeaks } from '../helpers/leak-watch.js';
import { lfsObjectPath } from '../helpers/lfs-standin.js';

const TOKEN = 'tok_S3cr3t+/=:@%';
const credentials = { username: 'x-access-token', token: TOKEN };
const fastRetries = { attempts: 8, baseMs: 20, maxMs: 200 };

interface Context {
  server: GitHttpServer;
  root: string;
  url: string;
  bare: string;
  logStream: Capture;
  log: Logger;
}

const transport = suite<Context>('git transport over smart HTTP');

transport.before.each((ctx) => {
  ctx.logStream = new Capture();
  const redactor = new Redactor();
  maskCredentials(credentials, redactor);
  ctx.log = new Logger({ stream: ctx.logStream, redactor });
});

transport.before(async (ctx) => {
  ctx.root = tempDir('mlsr-served-');
  ctx.server = await new GitHttpServer({
    projectRoot: ctx.root,
    users: { 'x-access-token': { password: TOKEN, access: 'write' }, reader: { password: 'read-only', access: 'read' } },
  }).start();
});

transport.after(async (ctx) => {
  await ctx.server.stop();
  removeTempDirs();
});

let repoCounter = 0;
function newServedRepo(ctx: Context, files?: Record<string, string | Buffer>): string {
  const name = `repo${++repoCounter}.git`;
  ctx.bare = createServedRepo(ctx.root, name);
  seedBareRepo(ctx.bare, files);
  ctx.url = `${ctx.server.url}/${name}`;
  return ctx.url;
}

interface GitPublishInput {
  url: string;
  credentials?: Credentials;
  branch?: string;
  folder: string;
  files: FileToPublish[];
  ignoreForComparison: string[];
  message: string;
  author: { name: string; email: string };
  force: boolean;
  env: Env;
  log: Logger;
  backoff?: BackoffOptions;
}

/** One version folder through the git store, as release does it. */
function publishWithGit(input: GitPublishInput) {
  const store = gitStore({ url: input.url, isHttp: /^https?:/.test(input.url), credentials: input.credentials, branch: input.branch, modelsPath: 'models', env: input.env, cwd: process.cwd(), log: input.log, backoff: input.backoff });
  const name = input.folder.split('/')[1].replace(/-v\d+$/, '');
  return publishVersion(store, { ...input, identity: { model: name, version: input.folder.split('-').at(-1)! } });
}

function input(ctx: Context, overrides: Partial<GitPublishInput> = {}, env: Env = baseEnv()): GitPublishInput {
  return {
    url: ctx.url,
    credentials,
    folder: 'models/iris-v1',
    files: [
      { path: 'model-settings.json', content: '{"name":"iris","implementation":"a.B"}\n' },
      { path: 'model.joblib', content: 'weights-1' },
      { path: 'release.json', content: `{"at":"${Date.now()}"}` },
    ],
    ignoreForComparison: ['release.json'],
    message: 'Release model iris v1',
    author: { name: 'Release Bot', email: 'bot@example.com' },
    force: false,
    env,
    log: ctx.log,
    backoff: fastRetries,
    ...overrides,
  };
}

transport('publishes the folder as one commit on top of the branch, authored as asked', async (ctx) => {
  newServedRepo(ctx);
  const result = await publishWithGit(input(ctx));
  assert.is(result.status, 'pushed');
  assert.is(result.branch, 'main');
  assert.equal(listFiles(ctx.bare), ['README.md', 'models/iris-v1/model-settings.json', 'models/iris-v1/model.joblib', 'models/iris-v1/release.json']);
  assert.is(readFile(ctx.bare, 'models/iris-v1/model.joblib'), 'weights-1');
  assert.is(git(['log', '-1', '--format=%s|%an|%ae', 'main'], ctx.bare).trim(), 'Release model iris v1|Release Bot|bot@example.com');
  assert.is(git(['rev-parse', 'main'], ctx.bare).trim(), result.commit);
  assert.is(commitCount(ctx.bare), 2);
});

transport('a rerun with identical content is a no-op; different content is refused unless --force', async (ctx) => {
  newServedRepo(ctx);
  await publishWithGit(input(ctx));
  const again = await publishWithGit(input(ctx));
  assert.is(again.status, 'already-published');
  assert.is(commitCount(ctx.bare), 2, 'no new commit');

  const changed = input(ctx, { files: [{ path: 'model-settings.json', content: '{}' }, { path: 'model.joblib', content: 'weights-2' }] });
  try {
    await publishWithGit(changed);
    assert.unreachable('different content must be refused');
  } catch (error) {
    assert.is((error as ReleaseError).code, 'EVERSIONCONFLICT');
    assert.is((error as ReleaseError).exitCode, 4);
    assert.ok((error as ReleaseError).details.some((d) => d.startsWith('model.joblib: differs')));
  }
  assert.is(commitCount(ctx.bare), 2);

  const forced = await publishWithGit({ ...changed, force: true });
  assert.is(forced.status, 'pushed');
  assert.ok(forced.replaced);
  assert.is(readFile(ctx.bare, 'models/iris-v1/model.joblib'), 'weights-2');
  assert.not.ok(listFiles(ctx.bare).includes('models/iris-v1/release.json'), 'the folder was replaced whole');
  assert.is(commitCount(ctx.bare), 3, 'history was kept, not rewritten');
});

transport('eight releases at once all land exactly once on a linear history', async (ctx) => {
  newServedRepo(ctx);
  const versions = Array.from({ length: 8 }, (_, i) => `v${i + 1}`);
  const results = await Promise.all(
    versions.map((v) => publishWithGit(input(ctx, { folder: `models/iris-${v}`, message: `Release model iris ${v}` }))),
  );
  assert.ok(results.every((r) => r.status === 'pushed'));
  const folders = listFiles(ctx.bare).filter((f) => f.endsWith('model.joblib')).map((f) => f.split('/')[1]).sort();
  assert.equal(folders, versions.map((v) => `iris-${v}`).sort());
  assert.is(commitCount(ctx.bare), 9);
  assert.is(git(['rev-list', '--merges', '--count', 'main'], ctx.bare).trim(), '0', 'no merge commits');
  assert.ok(results.some((r) => r.attempts > 1), 'some releases had to rebuild on a moved tip');
});

transport('a 500 or a dropped connection once is retried and the release lands', async (ctx) => {
  newServedRepo(ctx);
  ctx.server.injectFault('500', (req) => (req.url ?? '').includes('git-receive-pack') && req.method === 'POST');
  ctx.server.injectFault('drop', (req) => (req.url ?? '').includes('git-upload-pack'));
  const result = await publishWithGit(input(ctx));
  assert.is(result.status, 'pushed');
  assert.ok(listFiles(ctx.bare).includes('models/iris-v1/model.joblib'));
  assert.match(ctx.logStream.text, 'retrying');
});

transport('a wrong token fails with exit 4 and never shows the token', async (ctx) => {
  newServedRepo(ctx);
  const wrong = 'wrong_T0ken+/=';
  const redactor = new Redactor();
  maskCredentials({ username: 'x-access-token', token: wrong }, redactor);
  const stream = new Capture();
  try {
    await publishWithGit(input(ctx, { credentials: { username: 'x-access-token', token: wrong }, log: new Logger({ stream, redactor }) }));
    assert.unreachable();
  } catch (error) {
    const e = error as ReleaseError;
    assert.is(e.code, 'EAUTH');
    assert.is(e.exitCode, 4);
    assertNoLeak(`${e.message}\n${e.details.join('\n')}\n${stream.text}`, wrong, 'the error');
  }
});

transport('a permanently unreachable remote fails after the retries and leaves no temp dirs', async (ctx) => {
  const tmp = tempDir('mlsr-tmpdir-');
  try {
    await publishWithGit(input(ctx, { url: 'http://127.0.0.1:9/nothing.git', backoff: { attempts: 3, baseMs: 10, maxMs: 20 } }, baseEnv({ TMPDIR: tmp })));
    assert.unreachable();
  } catch (error) {
    assert.is((error as ReleaseError).code, 'EUNREACHABLE');
    assert.is((error as ReleaseError).exitCode, 4);
  }
  assert.equal(readdirSync(tmp), [], 'the workspace was removed');
  assert.is((ctx.logStream.text.match(/retrying/g) ?? []).length, 2, 'tried three times');
});

transport('the token never appears in argv, the clone config or output', async (ctx) => {
  newServedRepo(ctx);
  const watch = watchForLeaks();
  let seen;
  let result;
  try {
    result = await publishWithGit(input(ctx, {}, baseEnv({ PATH: watch.path })));
  } finally {
    seen = watch.stop();
  }
  assert.is(result.status, 'pushed');
  assert.match(seen.argvs, 'push --porcelain origin', 'the shim saw git run');
  assert.match(seen.configs, '[remote "origin"]', 'the shim saw the temp clone config');
  assertNoLeak(seen.argvs, TOKEN, 'git argv');
  assertNoLeak(seen.configs, TOKEN, '.git/config');
  assertNoLeak(seen.procCmdlines, TOKEN, '/proc cmdlines');
  assertNoLeak(ctx.logStream.text + JSON.stringify(result), TOKEN, 'output');
});

transport('only the tip trees are fetched: other models\' artifacts are never downloaded', async (ctx) => {
  const others: Record<string, Buffer | string> = { 'README.md': '# models\n' };
  for (let i = 0; i < 6; i++) others[`models/other-v${i}/model.joblib`] = randomBytes(512 * 1024);
  newServedRepo(ctx, others);
  const before = ctx.server.bytesDownloaded();
  await publishWithGit(input(ctx));
  const downloaded = ctx.server.bytesDownloaded() - before;
  assert.ok(downloaded < 64 * 1024, `downloaded ${downloaded} bytes; one other artifact alone is 512 KiB`);
  assert.is(listFiles(ctx.bare).length, 10);
});

transport('publishes into a repository that has no commits yet', async (ctx) => {
  const name = `empty${++repoCounter}.git`;
  ctx.bare = createServedRepo(ctx.root, name);
  ctx.url = `${ctx.server.url}/${name}`;
  const result = await publishWithGit(input(ctx));
  assert.is(result.status, 'pushed');
  assert.is(commitCount(ctx.bare), 1);
});

transport('a missing branch on a repository with commits is a clear error', async (ctx) => {
  newServedRepo(ctx);
  try {
    await publishWithGit(input(ctx, { branch: 'production' }));
    assert.unreachable();
  } catch (error) {
    assert.is((error as ReleaseError).code, 'EBRANCHMISSING');
  }
});

transport.run();

const local = suite('git transport to a local path');

local.after(removeTempDirs);

local('publishes to a bare repository given as a path, into a nested models path', async () => {
  const bare = path.join(tempDir(), 'm.git');
  git(['init', '--quiet', '--bare', '-b', 'main', bare]);
  seedBareRepo(bare);
  const artifact = path.join(tempDir(), 'model.bin');
  writeFileSync(artifact, 'bin');
  const result = await publishWithGit({
    url: bare, folder: 'deploy/models/iris-2', ignoreForComparison: [], message: 'm', force: false,
    author: { name: 'a', email: 'a@b' }, env: baseEnv(), log: new Logger({ stream: new Capture() }),
    files: [{ path: 'sub/model.bin', source: artifact }],
  });
  assert.is(result.status, 'pushed');
  assert.ok(listFiles(bare).includes('deploy/models/iris-2/sub/model.bin'));
});

local.run();

const lfs = suite<Context>('git transport with Git LFS');

lfs.before(async (ctx) => {
  ctx.root = tempDir('mlsr-served-');
  ctx.server = await new GitHttpServer({ projectRoot: ctx.root, users: { 'x-access-token': { password: TOKEN, access: 'write' } } }).start();
  ctx.logStream = new Capture();
  const redactor = new Redactor();
  maskCredentials(credentials, redactor);
  ctx.log = new Logger({ stream: ctx.logStream, redactor });
});
lfs.after(async (ctx) => {
  await ctx.server.stop();
  removeTempDirs();
});

lfs('artifacts the repo routes through LFS are committed as pointers and uploaded to the LFS server', async (ctx) => {
  ctx.bare = createServedRepo(ctx.root, 'lfs.git');
  seedBareRepo(ctx.bare, { '.gitattributes': 'models/**/*.joblib filter=lfs diff=lfs merge=lfs -text\n' });
  ctx.url = `${ctx.server.url}/lfs.git`;
  const artifact = path.join(tempDir(), 'model.joblib');
  const bytes = randomBytes(300 * 1024);
  writeFileSync(artifact, bytes);
  const watch = watchForLeaks();
  let seen;
  let result;
  try {
    result = await publishWithGit(input(ctx, { files: [{ path: 'model-settings.json', content: '{}' }, { path: 'model.joblib', source: artifact }] }, baseEnv({ PATH: watch.path })));
  } finally {
    seen = watch.stop();
  }
  assert.is(result.status, 'pushed');
  const pointer = readFile(ctx.bare, 'models/iris-v1/model.joblib');
  assert.match(pointer, /^version https:\/\/git-lfs.github.com\/spec\/v1\noid sha256:[0-9a-f]{64}\nsize 307200\n$/);
  const oid = /sha256:([0-9a-f]{64})/.exec(pointer)![1];
  assert.ok(readFileSync(lfsObjectPath(ctx.root, 'lfs.git', oid)).equals(bytes), 'the LFS server holds the real bytes');
  assert.match(ctx.logStream.text, 'go through Git LFS');
  assertNoLeak(seen.argvs + seen.configs + seen.procCmdlines + ctx.logStream.text, TOKEN, 'the LFS upload');

  // The same artifact again is recognised as already published (pointer ids compare equal).
  const again = await publishWithGit(input(ctx, { files: [{ path: 'model-settings.json', content: '{}' }, { path: 'model.joblib', source: artifact }] }));
  assert.is(again.status, 'already-published');
});

lfs('without git-lfs installed an LFS-routed artifact fails clearly', async (ctx) => {
  ctx.bare = createServedRepo(ctx.root, 'lfs2.git');
  seedBareRepo(ctx.bare, { '.gitattributes': '*.joblib filter=lfs diff=lfs merge=lfs -text\n' });
  ctx.url = `${ctx.server.url}/lfs2.git`;
  const artifact = path.join(tempDir(), 'model.joblib');
  writeFileSync(artifact, 'x');
  // A PATH with git but without git-lfs.
  const bin = tempDir('mlsr-nolfs-');
  symlinkSync(execFileSync('bash', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), path.join(bin, 'git'));
  try {
    await publishWithGit(input(ctx, { files: [{ path: 'model.joblib', source: artifact }] }, baseEnv({ PATH: bin })));
    assert.unreachable();
  } catch (error) {
    assert.is((error as ReleaseError).code, 'ELFSMISSING');
    assert.is((error as ReleaseError).exitCode, 4);
    assert.match((error as ReleaseError).message, 'git-lfs is not installed');
  }
});

lfs.run();
