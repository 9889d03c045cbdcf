/**
 * Finding version folders in a flat listing of a store's files. A version folder
 * is a folder under the models path that directly holds a model-settings.json,
 * one level down (`models/iris-v1/`, the name-version layout) or two
 * (`models/iris/v1/`, the name/version layout); both may be mixed in one
 * repository. Dot-folders are skipped, as MLServer skips them.
 */
import { SETTINGS_FILE } from '../publish/layout.js';
import type { StoredFolder } from './types.js';

export interface ListedFile {
  /** Path from the store's root. */
  path: string;
  /** Content id: git blob id, or sha256. */
  id: string;
}

export function versionFolders(files: ListedFile[], modelsPath: string): Map<string, StoredFolder> {
  const prefix = modelsPath ? `${modelsPath}/` : '';
  const folders = new Set<string>();
  for (const file of files) {
    if (!file.path.startsWith(prefix)) continue;
    const inner = file.path.slice(prefix.length).split('/');
    if (inner.some((part) => part.startsWith('.'))) continue;
    if (inner.at(-1) === SETTINGS_FILE && (inner.length === 2 || inner.length === 3)) folders.add(prefix + inner.slice(0, -1).join('/'));
  }
  // Each file belongs to the deepest version folder that holds it (models/iris/v1 under
  // the default copy models/iris is v1's, not the copy's). Folders sit one or two
  // levels under the models path, so the two candidates are looked up directly:
  // one pass over the listing, whatever the number of versions.
  const owned = new Map<string, Map<string, string>>([...folders].map((folder) => [folder, new Map()]));
  for (const file of files) {
    if (!file.path.startsWith(prefix)) continue;
    const inner = file.path.slice(prefix.length).split('/');
    const deep = inner.length >= 3 ? prefix + inner.slice(0, 2).join('/') : undefined;
    const owner = deep && owned.has(deep) ? deep : owned.has(prefix + inner[0]) && inner.length >= 2 ? prefix + inner[0] : undefined;
    if (owner) owned.get(owner)!.set(file.path.slice(owner.length + 1), file.id);
  }
  const result = new Map<string, StoredFolder>();
  for (const [folder, own] of owned) result.set(folder, { folder, files: async () => own });
  return result;
}
