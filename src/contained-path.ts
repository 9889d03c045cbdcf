/**
 * The only way a path read from outside (a store's listing, a manifest's folder)
 * becomes a path on this machine: `containedPath` checks it with the store
 * boundary's rules and proves the joined result stays under `root`, and
 * `assertNoSymlinkOnWay` refuses an existing symlink between `root` and the
 * target, so a folder store's `deploy -> /etc` is never followed out of its root.
 */
import { lstat } from 'node:fs/promises';
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
