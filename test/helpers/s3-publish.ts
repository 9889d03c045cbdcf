/** Publishing one version folder straight through a store's apply, as release does, for store-level tests. */
import type { Applied, ModelStore } from '../../src/stores/types.js';

const author = { name: 'Test', email: 'test@example.com' };

/**
 * Writes `folder` (model-settings.json, the artifact when given, and release.json
 * last) unless it is already there; `result` says which.
 */
export function publishFolder(store: ModelStore, folder: string, artifact?: string, content = 'weights'): Promise<Applied<'pushed' | 'already-published'>> {
  return store.apply<'pushed' | 'already-published'>(async (snapshot) => {
    if (snapshot.folders.has(folder)) return { done: 'already-published' as const };
    const files = [
      { path: 'model-settings.json', content: JSON.stringify({ name: folder.split('/').pop(), implementation: 'mlserver_sklearn.SKLearnModel' }) },
      artifact ? { path: 'model.bin', source: artifact } : { path: 'model.txt', content },
      { path: 'release.json', content: JSON.stringify({ version: folder }) },
    ];
    return { writes: [{ folder, files }], message: `publish ${folder}`, author, result: 'pushed' as const };
  }, { what: `publishing ${folder}` });
}
