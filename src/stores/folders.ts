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
  const result = new Map<string, StoredFolder>();
  for (const folder of folders) {
    const own = new Map<string, string>();
    for (const file of files) {
      if (!file.path.startsWith(`${folder}/`)) continue;
      const rest = file.path.slice(folder.length + 1);
      // A version folder nested inside (models/iris/v1 under the default copy models/iris) is not this folder's.
      const nested = [...folders].some((other) => other !== folder && other.startsWith(`${folder}/`) && file.path.startsWith(`${other}/`));
      if (!nested) own.set(rest, file.id);
    }
    result.set(folder, { folder, files: async () => own });
  }
  return result;
}
