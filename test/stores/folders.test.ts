/**
 * Which files belong to which version folder, checked against the plain
 * definition (a file is a folder's when no other version folder inside it holds
 * the file) on random listings with both layouts, default copies holding
 * versions, dot-folders and stray files.
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { versionFolders, type ListedFile } from '../../src/stores/folders.js';

/** The definition, quadratic on purpose: every folder against every file and every other folder. */
function byDefinition(files: ListedFile[], folders: string[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const folder of folders) {
    const own = new Map<string, string>();
    for (const file of files) {
      if (!file.path.startsWith(`${folder}/`)) continue;
      const nested = folders.some((other) => other !== folder && other.startsWith(`${folder}/`) && file.path.startsWith(`${other}/`));
      if (!nested) own.set(file.path.slice(folder.length + 1), file.id);
    }
    out.set(folder, own);
  }
  return out;
}

const segment = fc.constantFrom('iris', 'iris-v1', 'v1', 'v2', '.hidden', 'report', 'model-settings.json', 'model.joblib', 'release.json');
const listing = fc.uniqueArray(fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/')), { maxLength: 40 })
  .map((paths) => paths.map((path, i) => ({ path: `models/${path}`, id: `id${i}` })));

test('every file goes to the deepest version folder that holds it, as the definition says', async () => {
  await fc.assert(fc.asyncProperty(listing, async (files) => {
    const found = versionFolders(files, 'models');
    const expected = byDefinition(files, [...found.keys()]);
    for (const [folder, stored] of found) assert.equal(await stored.files(), expected.get(folder), folder);
  }), { numRuns: 500 });
});

test('a default copy holding versions of the name/version layout keeps only its own files', async () => {
  const files = ['models/iris/model-settings.json', 'models/iris/model.joblib', 'models/iris/v1/model-settings.json', 'models/iris/v1/model.joblib', 'models/iris-v2/model-settings.json', 'models/.trash/x/model-settings.json']
    .map((path) => ({ path, id: path }));
  const found = versionFolders(files, 'models');
  assert.equal([...found.keys()].sort(), ['models/iris', 'models/iris-v2', 'models/iris/v1']);
  assert.equal([...(await found.get('models/iris')!.files()).keys()].sort(), ['model-settings.json', 'model.joblib']);
  assert.equal([...(await found.get('models/iris/v1')!.files()).keys()].sort(), ['model-settings.json', 'model.joblib']);
});

test.run();
