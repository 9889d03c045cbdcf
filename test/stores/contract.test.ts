/**
 * The ModelStore contract: the same cases against every kind of store, each
 * through its real counterpart where one runs here: git over the real smart-HTTP
 * server, a real folder, and the GitHub and GitLab API stand-ins over real bare
 * repositories. A new kind of store is one more entry in STORES.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { Transform } from 'node:stream';
import { downloadFolder } from '../../src/stores/download.js';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ReleaseError } from '../../src/errors.js';
import { Logger } from '../../src/log.js';
import { createHostApi } from '../../src/stores/api/client.js';
import { publishVersion } from '../../src/publish-version.js';
import { folderStore } from '../../src/stores/folder.js';
import { gitStore } from '../../src/stores/git.js';
import { hostApiStore } from '../../src/stores/host-api.js';
import { s3Store } from '../../src/stores/s3.js';
import { S3_CREDENTIALS, startS3, type S3Server } from '../helpers/s3-server.js';
import type { FileToPublish, ModelStore } from '../../src/stores/types.js';
import { baseEnv, Capture } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { createServedRepo, GitHttpServer } from '../helpers/git-http-server.js';
import { seedBareRepo } from '../helpers/git-repos.js';
import { HostApiStandIn } from '../helpers/host-api-standin.js';

const TOKEN = 'contract-T0ken';
const fast = { attempts: 6, baseMs: 10, maxMs: 50 };
const author = { name: 'Contract', email: 'contract@example.com' };

interface Servers {
  root: string;
  git: GitHttpServer;
  api: HostApiStandIn;
  s3: S3Server;
}

let counter = 0;
const log = () => new Logger({ stream: new Capture() });

/** Each kind of store, on a fresh repository that holds no models yet. */
const STORES: Record<string, (servers: Servers) => ModelStore> = {
  git: (s) => {
    const name = `contract${++counter}.git`;
    seedBareRepo(createServedRepo(s.root, name));
    return gitStore({ url: `${s.git.url}/${name}`, isHttp: true, credentials: { username: 'x-access-token', token: TOKEN }, modelsPath: 'models', env: baseEnv(), cwd: process.cwd(), log: log(), backoff: fast });
  },
  folder: () => folderStore({ root: tempDir('mlsr-volume-'), modelsPath: 'models', log: log() }),
  github: (s) => {
    const name = `contract${++counter}`;
    mkdirSync(path.join(s.root, 'acme'), { recursive: true });
    seedBareRepo(createServedRepo(path.join(s.root, 'acme'), `${name}.git`));
    const repoUrl = `${s.git.url}/acme/${name}.git`;
    const api = createHostApi({ repoUrl, hostKind: 'github', token: TOKEN, apiUrl: `${s.api.url}/api/v3`, env: baseEnv({ MLSERVER_RELEASE_GITHUB_WRITE_INTERVAL_MS: '0' }), backoff: fast });
    return hostApiStore({ api, location: repoUrl, modelsPath: 'models', log: log(), backoff: fast });
  },
  s3: (s) => s3Store({ url: `s3://models/contract${++counter}`, env: baseEnv(S3_CREDENTIALS), modelsPath: 'models', endpoint: s.s3.url, pathStyle: true, log: log(), backoff: fast }),
  gitlab: (s) => {
    const name = `contract${++counter}`;
    mkdirSync(path.join(s.root, 'ml'), { recursive: true });
    seedBareRepo(createServedRepo(path.join(s.root, 'ml'), `${name}.git`));
    const repoUrl = `${s.git.url}/ml/${name}.git`;
    const api = createHostApi({ repoUrl, hostKind: 'gitlab', token: TOKEN, apiUrl: s.api.url, env: baseEnv(), backoff: fast });
    return hostApiStore({ api, location: repoUrl, modelsPath: 'models', log: log(), backoff: fast });
  },
};

function version(model: string, v: string, weights: string): FileToPublish[] {
  return [
    { path: 'model-settings.json', content: JSON.stringify({ name: model, implementation: 'a.B', parameters: { uri: './model.txt', version: v } }) },
    { path: 'model.txt', content: weights },
    { path: 'release.json', content: JSON.stringify({ tool: 'mlserver-release', model, version: v }) },
  ];
}

const add = (folder: string, files: FileToPublish[]) => ({ writes: [{ folder, files }], message: `add ${folder}`, author, result: 'written' });

async function contents(store: ModelStore, folder: string): Promise<Record<string, string>> {
  return store.readFolder(folder, undefined, async (files) => {
    const out: Record<string, string> = {};
    for (const file of files) out[file.path] = Buffer.concat(await (await file.open()).toArray()).toString('utf8');
    return out;
  });
}

for (const [kind, make] of Object.entries(STORES)) {
  const contract = suite<Servers>(`ModelStore contract: ${kind}`);
  contract.before(async (ctx) => {
    ctx.root = tempDir('mlsr-contract-');
    ctx.git = await new GitHttpServer({ projectRoot: ctx.root, users: { 'x-access-token': { password: TOKEN, access: 'write' } } }).start();
    ctx.api = await new HostApiStandIn({ root: ctx.root, token: TOKEN }).start();
    ctx.s3 = await startS3();
  });
  contract.after(async (ctx) => {
    await ctx.git.stop();
    await ctx.api.stop();
    await ctx.s3.stop();
    removeTempDirs();
  });

  contract('a repository without models has an empty snapshot', async (ctx) => {
    const store = make(ctx);
    assert.is((await store.snapshot()).folders.size, 0);
  });

  contract('add one version, then many; the snapshot names each by its files, in both layouts', async (ctx) => {
    const store = make(ctx);
    const one = await store.apply(async () => add('models/iris-v1', version('iris', 'v1', 'w1')), { what: 'add' });
    assert.ok(one.changed);
    const first = await store.snapshot();
    assert.equal([...first.folders.keys()], ['models/iris-v1']);
    assert.equal([...(await first.folders.get('models/iris-v1')!.files()).keys()].sort(), ['model-settings.json', 'model.txt', 'release.json']);
    for (const v of ['v2', 'v3']) await store.apply(async () => add(`models/iris/${v}`, version('iris', v, `w-${v}`)), { what: 'add' });
    const many = await store.snapshot();
    assert.equal([...many.folders.keys()].sort(), ['models/iris-v1', 'models/iris/v2', 'models/iris/v3']);
    const texts = await many.readTexts(['models/iris/v3/release.json', 'models/iris-v1/model-settings.json']);
    assert.is(JSON.parse(texts.get('models/iris/v3/release.json')!).version, 'v3');
    assert.is(JSON.parse(texts.get('models/iris-v1/model-settings.json')!).name, 'iris');
    assert.equal(await contents(store, 'models/iris/v2'), { 'model-settings.json': version('iris', 'v2', 'x')[0].content, 'model.txt': 'w-v2', 'release.json': version('iris', 'v2', 'x')[2].content });
  });

  contract('replace a version whole, then remove it', async (ctx) => {
    const store = make(ctx);
    await store.apply(async () => add('models/iris-v1', [...version('iris', 'v1', 'old'), { path: 'extra.bin', content: 'gone later' }]), { what: 'add' });
    await store.apply(async () => add('models/iris-v1', version('iris', 'v1', 'new')), { what: 'replace' });
    const replaced = await contents(store, 'models/iris-v1');
    assert.is(replaced['model.txt'], 'new');
    assert.is(replaced['extra.bin'], undefined, 'the old folder did not leak into the new one');
    await store.apply(async () => ({ writes: [{ folder: 'models/iris-v1', files: null }], message: 'remove', author, result: 'removed' }), { what: 'remove' });
    assert.is((await store.snapshot()).folders.size, 0);
  });

  contract('a concurrent change makes apply decide again on the new state', async (ctx) => {
    const store = make(ctx);
    const applied = await store.apply(async (snapshot, attempt) => {
      if (attempt === 1) {
        // Another writer lands the same folder between our read and our write.
        await store.apply(async () => add('models/iris-v1', version('iris', 'v1', 'theirs')), { what: 'the other writer' });
        return add('models/iris-v1', version('iris', 'v1', 'ours'));
      }
      return snapshot.folders.has('models/iris-v1') ? { done: 'saw theirs' } : add('models/iris-v1', version('iris', 'v1', 'ours'));
    }, { what: 'racing' });
    assert.is(applied.attempts, 2);
    assert.is(applied.result, 'saw theirs');
    assert.is((await contents(store, 'models/iris-v1'))['model.txt'], 'theirs');
  });

  contract('publishing identical content again is a no-op; a folder owned by another model is refused even with --force', async (ctx) => {
    const store = make(ctx);
    const input = (model: string, v: string, folder: string, weights: string, force = false) => ({
      folder, files: version(model, v, weights), identity: { model, version: v }, ignoreForComparison: ['release.json'], message: 'release', author, force, log: log(),
    });
    assert.is((await publishVersion(store, input('a-b', 'c', 'models/a-b-c', 'w'))).status, 'pushed');
    assert.is((await publishVersion(store, input('a-b', 'c', 'models/a-b-c', 'w'))).status, 'already-published');
    try {
      await publishVersion(store, input('a', 'b-c', 'models/a-b-c', 'other', true));
      assert.unreachable('should refuse');
    } catch (error) {
      assert.instance(error, ReleaseError);
      assert.is((error as ReleaseError).code, 'EFOLDEROWNER');
    }
    assert.is((await contents(store, 'models/a-b-c'))['model.txt'], 'w');
  });

  contract('a file the store holds is copied where it is (a reference, not its bytes), byte for byte', async (ctx) => {
    const store = make(ctx);
    const weights = randomBytes(64 * 1024).toString('base64');
    await store.apply(async () => add('models/iris-v1', version('iris', 'v1', weights)), { what: 'v1' });
    const reference = store.referenceTo!('models/iris-v1', 'model.txt');
    assert.ok(store.canCopy!(reference), 'a store copies its own files');
    const copy: FileToPublish[] = [{ path: 'model.txt', stored: reference }, ...version('iris', 'v1', '').filter((f) => f.path !== 'model.txt')];
    await store.apply(async () => add('models/iris', copy), { what: 'the copy' });
    assert.is((await contents(store, 'models/iris'))['model.txt'], weights);
    assert.is((await contents(store, 'models/iris-v1'))['model.txt'], weights, 'the original is untouched');
  });

  contract('its folders stream into every kind of store, and a stream that fails midway writes nothing', async (ctx) => {
    const source = make(ctx);
    const weights = randomBytes(256 * 1024).toString('base64');
    await source.apply(async () => add('models/iris-v2', version('iris', 'v2', weights)), { what: 'v2' });
    for (const [other, makeOther] of Object.entries(STORES)) {
      const destination = makeOther(ctx);
      const downloaded = await downloadFolder(source, 'models/iris-v2', undefined, log());
      try {
        await destination.apply(async () => add('models/iris-v2', downloaded.files.map((f) => ({ path: f.path, source: f.source }))), { what: `to ${other}` });
      } finally {
        await downloaded.remove();
      }
      assert.equal(await contents(destination, 'models/iris-v2'), await contents(source, 'models/iris-v2'), `${kind} -> ${other}`);
    }
    // The same source, but the artifact's stream breaks after its first chunk.
    const breaking: ModelStore = {
      ...source,
      readFolder: (folder, branch, use) => source.readFolder(folder, branch, (files) => use(files.map((file) => (file.path !== 'model.txt' ? file : {
        ...file,
        open: async () => {
          const stream = await file.open();
          let seen = 0;
          const breaking = new Transform({ transform(chunk: Buffer, _e, done) { seen += chunk.length; done(seen > 1024 ? new Error('connection reset by peer') : null, chunk); } });
          // .pipe() does not end the source when the next stage fails: end it, as the store's own reader would be.
          breaking.on('close', () => stream.destroy());
          return stream.pipe(breaking);
        },
      })))),
    };
    // The copy goes to a private parent folder, so nothing else running can change what is left there.
    const parent = tempDir('mlsr-tmp-');
    try {
      await downloadFolder(breaking, 'models/iris-v2', undefined, log(), parent);
      assert.unreachable('a broken stream must fail the copy');
    } catch (error) {
      assert.instance(error, ReleaseError);
      assert.is((error as ReleaseError).code, 'EUNREACHABLE');
      assert.match((error as Error).message, 'failed midway');
    }
    assert.equal(readdirSync(parent), [], 'the partial copy was removed');
  });

  contract.run();
}
