/**
 * A verb about one model reads that model's folders only: publishing, promoting
 * and setting the default of `tiny` in a repository that also holds many other
 * models downloads none of their release.json or settings (counted at a real
 * smart-HTTP server), while `list` still reads everything.
 */
import { randomBytes } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mayHoldModel } from '../../src/inventory.js';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { createServedRepo, GitHttpServer } from '../helpers/git-http-server.js';
import { listFiles, newBareRepo, seedBareRepo } from '../helpers/git-repos.js';
import { createModelProject, writeArtifact } from '../helpers/model-project.js';

const scope = suite('one model, one model\'s reads');
scope.after(removeTempDirs);

scope('the folders that may hold a model, in both layouts and the default copy', () => {
  assert.ok(mayHoldModel('models/iris-v1', 'iris'));
  assert.ok(mayHoldModel('models/iris/v1', 'iris'));
  assert.ok(mayHoldModel('models/iris', 'iris'));
  assert.not.ok(mayHoldModel('models/irises-v1', 'iris'));
  assert.not.ok(mayHoldModel('models/tiny-v1', 'iris'));
  assert.not.ok(mayHoldModel('models/tiny/v1', 'iris'));
});

scope('publish, promote and default of one model download none of the other models\' texts; list reads them all', async () => {
  const root = tempDir('mlsr-served-');
  const server = await new GitHttpServer({ projectRoot: root }).start();
  try {
    const bare = createServedRepo(root, 'many.git');
    const files: Record<string, Buffer> = {};
    // 60 other models, two versions each, each release.json padded with 24 KiB that does not compress: ~2.8 MiB of texts.
    for (let m = 0; m < 60; m++) {
      for (const version of ['v1', 'v2']) {
        const folder = `models/other${m}-${version}`;
        files[`${folder}/model-settings.json`] = Buffer.from(JSON.stringify({ name: `other${m}`, implementation: 'a.B', parameters: { uri: './m.bin', version } }));
        files[`${folder}/release.json`] = Buffer.from(JSON.stringify({ tool: 'mlserver-release', model: `other${m}`, version, note: randomBytes(18 * 1024).toString('base64') }));
        files[`${folder}/m.bin`] = Buffer.from(version);
      }
    }
    seedBareRepo(bare, files);
    const url = `${server.url}/many.git`;
    const received = () => server.requests.reduce((sum, r) => sum + r.bytesSent, 0);
    const env = baseEnv({ MLSERVER_RELEASE_CHECK_LOAD: 'never' });
    const project = createModelProject();
    writeArtifact(project);

    let before = received();
    const published = await cli(['publish', '--model-dir', project.dir, '--repo', url, '--version', 'v1'], { env });
    assert.is(published.code, 0, published.stderr);
    assert.ok(received() - before < 400 * 1024, `publish received ${received() - before} bytes; the other models' texts are ~2.8 MiB`);

    before = received();
    const production = newBareRepo();
    const promoted = await cli(['promote', '--model', 'tiny', '--version', 'v1', '--from', url, '--to', production, '--make-default'], { env });
    assert.is(promoted.code, 0, promoted.stderr);
    assert.ok(received() - before < 400 * 1024, `promote received ${received() - before} bytes`);
    assert.ok(listFiles(production).includes('models/tiny/model.txt'));

    before = received();
    const defaulted = await cli(['default', '--model', 'tiny', '--version', 'v1', '--repo', url], { env });
    assert.is(defaulted.code, 0, defaulted.stderr);
    assert.ok(received() - before < 400 * 1024, `default received ${received() - before} bytes`);

    // list has no model: it reads every version's texts, so it sees them all.
    before = received();
    const listed = await cli(['list', '--repo', url, '--json'], { env });
    assert.is(listed.code, 0, listed.stderr);
    assert.is(JSON.parse(listed.stdout).models.length, 61);
    assert.ok(received() - before > 2 * 1024 * 1024, 'list read the other models\' texts');
  } finally {
    await server.stop();
  }
});

scope.run();
