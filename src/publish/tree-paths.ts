/**
 * Which paths a git tree may hold. A tree entry that `git fsck` rejects makes the
 * whole branch impossible to clone or check out for every consumer (MLServer's
 * git-sync included), so nothing like it is ever published. The rules follow git's
 * own `fsck.c` (`fsck_tree`: HAS_DOT, HAS_DOTDOT, HAS_DOTGIT, EMPTY_NAME) and
 * `path.c` (`is_hfs_dotgit`, `is_ntfs_dotgit`, `is_ntfs_dotgitmodules`): ".git" is
 * matched case-insensitively, with HFS+'s ignorable code points removed and with
 * NTFS's trailing dots and spaces and 8.3 short names ("git~1").
 */

// path.c next_hfs_char(): code points HFS+ drops when it compares names.
const HFS_IGNORABLE = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;

function canonical(component: string): string {
  return component.replace(HFS_IGNORABLE, '').toLowerCase().replace(/[. ]+$/, '');
}

const FORBIDDEN = new Map([
  ['.git', 'is ".git", which git keeps for itself'],
  ['git~1', 'is "git~1", the NTFS short name of ".git"'],
  ['.gitmodules', 'is ".gitmodules", which git reads as submodule configuration'],
  ['gitmod~1', 'is the NTFS short name of ".gitmodules"'],
]);

/** What is wrong with `relativePath` ("a/b/c", "/"-separated) as a path in a git tree. */
export function pathProblems(relativePath: string): string[] {
  if (/[\0\n\r]/.test(relativePath)) return [`"${JSON.stringify(relativePath).slice(1, -1)}" contains a NUL or a line break`];
  const problems: string[] = [];
  for (const component of relativePath.split('/')) {
    if (component === '') problems.push(`"${relativePath}" has an empty path component`);
    else if (component === '.' || component === '..') problems.push(`"${relativePath}" has the component "${component}"`);
    else if (component.includes('\\')) problems.push(`"${relativePath}": "${component}" contains a backslash, a path separator on Windows`);
    else {
      const reason = FORBIDDEN.get(canonical(component));
      if (reason) problems.push(`"${relativePath}": the component "${component}" ${reason}`);
    }
  }
  return problems;
}
