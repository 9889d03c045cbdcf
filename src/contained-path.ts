/**
 * The only way a path read from outside (a store's listing, a manifest's folder)
 * becomes a path on this machine: `containedPath` checks it with the store
 * boundary's rules and proves the joined result stays under `root`, and
 * `assertNoSymlinkOnWay` refuses an existing symlink between `root` and the
 * target, so a folder store's `deploy -> /etc` is never followed out of its root.
 * `readStoredFile` reads through the same rules, and only a regular file.
 */
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError } from './errors.js';
import { assertSafeStoredPath } from './stores/boundary.js';

/** `root` joined with the "/"-separated `relative`, which must stay inside `root`. */
export function containedPath(root: string, relative: string, where = root): string {
  if (relative === '') return path.resolve(root);
  assertSafeStoredPath(relative, where);
  const base = path.resolve(root);
  const joined = path.resolve(base, ...relative.split('/'));
  const inside = path.relative(base, joined);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new ReleaseError('EUNSAFEPATH', `${where}: "${relative}" would be written outside ${base}; nothing was written`);
  }
  return joined;
}

/** Throws EUNSAFEPATH when a component between `root` (excluded) and `target` is an existing symlink. */
export async function assertNoSymlinkOnWay(root: string, target: string, where = root): Promise<void> {
  const base = path.resolve(root);
  const parts = path.relative(base, path.resolve(target)).split(path.sep).filter(Boolean);
  let current = base;
  for (const part of parts) {
    current = path.join(current, part);
    const info = await lstat(current).catch(() => undefined);
    if (!info) return;
    if (info.isSymbolicLink()) {
      throw new ReleaseError('EUNSAFEPATH', `${where}: ${path.relative(base, current)} is a symlink; the tool never writes through one, so nothing was written`, [
        'replace the symlink with a real folder inside the store',
      ]);
    }
  }
}

/** Small files read from a store (release.json, settings, manifests) are at most this big. */
export const STORED_TEXT_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * The bytes of a regular file at `relative` under `root`, or undefined when there
 * is none. Never follows a symlink (on the way or at the end: O_NOFOLLOW), never
 * blocks on a FIFO (O_NONBLOCK), refuses anything but a regular file and anything
 * over `limitBytes`: a store's file is hostile, and `/dev/zero` or a pipe must not
 * hang or fill the run.
 */
export async function readStoredFile(root: string, relative: string, where = root, limitBytes = STORED_TEXT_LIMIT_BYTES): Promise<Buffer | undefined> {
  const file = containedPath(root, relative, where);
  await assertNoSymlinkOnWay(root, path.dirname(file), where);
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'ELOOP') throw new ReleaseError('EUNSAFEPATH', `${where}: ${relative} is a symlink; the tool never reads through one`);
    throw new ReleaseError('ESTOREDATA', `${where}: ${relative} cannot be read (${code ?? (error as Error).message})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ReleaseError('ESTOREDATA', `${where}: ${relative} is not a regular file (a folder, a pipe or a device)`);
    if (info.size > limitBytes) throw new ReleaseError('ESTOREDATA', `${where}: ${relative} is ${info.size} bytes, over the ${limitBytes} bytes the tool reads for it`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
