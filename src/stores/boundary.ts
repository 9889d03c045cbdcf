/**
 * The one boundary every store's contents cross. Whatever a store hands back (a
 * folder in a snapshot, the files of a folder, the entries readFolder copies out)
 * was written by someone else and is hostile: a staging bucket with a key
 * `models/iris-v1/../../.bashrc`, a git tree built with `git mktree`, a folder
 * volume with a symlink. resolve.ts wraps every store in `guardedStore`, so every
 * command (release, promote, default, rollout, list, prune, verify) gets the same
 * rules without knowing them:
 * - a path is relative, "/"-separated, and follows git's fsck rules (no empty,
 *   ".", ".." or ".git" component, no NUL or line break: publish/tree-paths.ts);
 * - it is valid UTF-8 (a store decoding invalid bytes hands back U+FFFD);
 * - only plain and executable files are copied: symlinks and submodules are
 *   refused (as are pipes, sockets and devices), not dropped, so a copy never
 *   silently differs from its source.
 * A violation is EUNSAFEPATH (exit 4), naming the store and the path, raised
 * before the caller can write anything.
 */
import { ReleaseError } from '../errors.js';
import { pathProblems } from '../publish/tree-paths.js';
import type { ModelStore, Snapshot, StoredFile, StoredFolder } from './types.js';

/** What is wrong with a path a store handed back, relative to its root or to a folder. */
export function storedPathProblems(relativePath: string): string[] {
  const shown = JSON.stringify(relativePath);
  if (relativePath.startsWith('/')) return [`${shown} is absolute`];
  if (relativePath.includes('\uFFFD')) return [`${shown} is not valid UTF-8`];
  return pathProblems(relativePath);
}

/** Throws EUNSAFEPATH unless `relativePath` may be used as a path; `where` names the store (and folder). */
export function assertSafeStoredPath(relativePath: string, where: string): void {
  const problems = storedPathProblems(relativePath);
  if (problems.length > 0) {
    throw new ReleaseError('EUNSAFEPATH', `${where} holds a path that cannot be used safely; nothing was written`, problems);
  }
}

/** Throws EUNSAFEPATH for a file that is not a plain or executable file. */
export function assertCopyable(file: StoredFile, where: string): void {
  const kind = file.kind ?? 'file';
  if (kind !== 'file' && kind !== 'executable') {
    const what = kind === 'special' ? 'pipe, socket or device' : kind;
    throw new ReleaseError('EUNSAFEPATH', `${where}/${file.path} is a ${what}; only files are copied out of a store, so nothing was written`, [
      `replace the ${what} with the file it stands for, or remove it, in the store`,
    ]);
  }
}

function guardedFolder(folder: StoredFolder, location: string): StoredFolder {
  assertSafeStoredPath(folder.folder, location);
  return {
    folder: folder.folder,
    async files() {
      const files = await folder.files();
      for (const file of files.keys()) assertSafeStoredPath(file, `${location} ${folder.folder}`);
      return files;
    },
  };
}

function guardedSnapshot(snapshot: Snapshot, location: string): Snapshot {
  const folders = new Map<string, StoredFolder>();
  for (const [name, folder] of snapshot.folders) folders.set(name, guardedFolder(folder, location));
  return {
    ...snapshot,
    folders,
    readTexts: (paths) => {
      for (const p of paths) assertSafeStoredPath(p, location);
      return snapshot.readTexts(paths);
    },
  };
}

/** The same store, with every path and entry it hands back checked at the boundary. */
export function guardedStore(store: ModelStore): ModelStore {
  const where = (folder: string) => `${store.location} ${folder}`;
  return {
    ...store,
    snapshot: async (branch, scope) => guardedSnapshot(await store.snapshot(branch, scope), store.location),
    readFolder(folder, branch, use) {
      assertSafeStoredPath(folder, store.location);
      return store.readFolder(folder, branch, (files) => {
        for (const file of files) {
          assertSafeStoredPath(file.path, where(folder));
          assertCopyable(file, where(folder));
        }
        return use(files);
      });
    },
    apply: (decide, options) => {
      for (const write of options.expected ? [options.expected] : []) assertSafeStoredPath(write.folder, store.location);
      return store.apply(async (snapshot, attempt) => {
        const decision = await decide(guardedSnapshot(snapshot, store.location), attempt);
        // What we write goes through the same rules: a path read from one store may be written to another.
        if ('writes' in decision) {
          for (const write of decision.writes) {
            assertSafeStoredPath(write.folder, store.location);
            for (const file of write.files ?? []) {
              assertSafeStoredPath(file.path, where(write.folder));
              if (file.stored) assertSafeStoredPath(`${file.stored.folder}/${file.stored.path}`, file.stored.location);
            }
          }
        }
        return decision;
      }, options);
    },
  };
}
