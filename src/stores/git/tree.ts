/**
 * Building the new commit's tree without a checkout. Only the trees on the path
 * from the root to the version folder are rewritten; every other entry keeps its
 * object id, so nothing else has to be present locally.
 */
import { listTree, makeTree, type GitContext, type TreeEntry } from '../../git.js';

export interface FolderFile {
  /** Path inside the folder, "/"-separated. */
  path: string;
  oid: string;
  executable?: boolean;
}

/** Writes the tree objects for a folder holding `files`; returns the folder's tree id. */
export async function writeFolderTree(files: FolderFile[], ctx: GitContext): Promise<string> {
  const here: TreeEntry[] = [];
  const subfolders = new Map<string, FolderFile[]>();
  for (const file of files) {
    const slash = file.path.indexOf('/');
    if (slash < 0) {
      here.push({ mode: file.executable ? '100755' : '100644', type: 'blob', oid: file.oid, path: file.path });
    } else {
      const name = file.path.slice(0, slash);
      const inner = subfolders.get(name) ?? [];
      inner.push({ ...file, path: file.path.slice(slash + 1) });
      subfolders.set(name, inner);
    }
  }
  for (const [name, inner] of subfolders) {
    here.push({ mode: '040000', type: 'tree', oid: await writeFolderTree(inner, ctx), path: name });
  }
  return makeTree(here, ctx);
}

/**
 * Returns a root tree equal to `rootTree` except that `folderPath` now points at
 * `folderTree` (or is removed when `folderTree` is undefined). `rootTree` may be
 * undefined for a repository with no commits yet.
 */
export async function replaceFolder(rootTree: string | undefined, folderPath: string, folderTree: string | undefined, ctx: GitContext): Promise<string> {
  const [head, ...rest] = folderPath.split('/');
  const entries = rootTree ? await listTree(rootTree, ctx) : [];
  const existing = entries.find((e) => e.path === head);
  const child = rest.length === 0 ? folderTree : await replaceFolder(existing?.type === 'tree' ? existing.oid : undefined, rest.join('/'), folderTree, ctx);
  const kept = entries.filter((e) => e.path !== head);
  if (child) kept.push({ mode: '040000', type: 'tree', oid: child, path: head });
  return makeTree(kept, ctx);
}

/** Returns a root tree equal to `rootTree` except that the file at `filePath` is `file` (added or replaced). */
export async function replaceFile(rootTree: string | undefined, filePath: string, file: FolderFile, ctx: GitContext): Promise<string> {
  const [head, ...rest] = filePath.split('/');
  const entries = rootTree ? await listTree(rootTree, ctx) : [];
  const existing = entries.find((e) => e.path === head);
  const kept = entries.filter((e) => e.path !== head);
  if (rest.length === 0) kept.push({ mode: file.executable ? '100755' : '100644', type: 'blob', oid: file.oid, path: head });
  else kept.push({ mode: '040000', type: 'tree', oid: await replaceFile(existing?.type === 'tree' ? existing.oid : undefined, rest.join('/'), file, ctx), path: head });
  return makeTree(kept, ctx);
}

/** Blob ids under `folderPath` at `commit`, keyed by their path inside the folder. */
export async function folderBlobs(commit: string, folderPath: string, ctx: GitContext): Promise<Map<string, string>> {
  const prefix = `${folderPath}/`;
  const entries = await listTree(commit, ctx, { path: prefix, recursive: true });
  return new Map(entries.filter((e) => e.type === 'blob' && e.path.startsWith(prefix)).map((e) => [e.path.slice(prefix.length), e.oid]));
}
