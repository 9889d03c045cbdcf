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

/** After the name itself, NTFS ignores trailing spaces and dots, and ":" starts an alternate data stream. */
const ntfsTail = (rest: string) => /^[ .]*(:.*)?$/s.test(rest);

/**
 * path.c is_ntfs_dotgit(): ".git" or "git~1", then only spaces and dots up to the
 * end or a ":" (an NTFS stream name, ".git::$INDEX_ALLOCATION": CVE-2019-1352).
 */
function isNtfsDotGit(name: string): boolean {
  const lower = name.toLowerCase();
  return (lower.startsWith('.git') && ntfsTail(lower.slice(4))) || (lower.startsWith('git~1') && ntfsTail(lower.slice(5)));
}

/**
 * path.c is_ntfs_dot_generic(name, "gitmodules", 10, "gi7eba"): ".gitmodules", its
 * 6-letter short names "gitmod~1" to "gitmod~4", and the hashed fall-back short
 * name "gi7eba~N" (digits after the tilde), each followed by spaces, dots or a stream.
 */
function isNtfsDotGitmodules(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.gitmodules') && ntfsTail(lower.slice(11))) return true;
  if (lower.startsWith('gitmod~') && lower[7] >= '1' && lower[7] <= '4' && ntfsTail(lower.slice(8))) return true;
  const fallback = /^(g|gi|gi7|gi7e|gi7eb|gi7eba)~[1-9][0-9]*/.exec(lower);
  return Boolean(fallback && fallback[0].length >= 8 && fallback[0].length <= 8 && ntfsTail(lower.slice(8)));
}

/** What is wrong with `relativePath` ("a/b/c", "/"-separated) as a path in a git tree. */
export function pathProblems(relativePath: string): string[] {
  if (/[\0\n\r]/.test(relativePath)) return [`"${JSON.stringify(relativePath).slice(1, -1)}" contains a NUL or a line break`];
  const problems: string[] = [];
  for (const component of relativePath.split('/')) {
    if (component === '') problems.push(`"${relativePath}" has an empty path component`);
    else if (component === '.' || component === '..') problems.push(`"${relativePath}" has the component "${component}"`);
    else if (component.includes('\\')) problems.push(`"${relativePath}": "${component}" contains a backslash, a path separator on Windows`);
    else {
      const reason = FORBIDDEN.get(canonical(component))
        ?? (isNtfsDotGit(component) ? 'is ".git" as NTFS reads it (trailing dots or spaces, a short name, or a ":" stream)' : undefined)
        ?? (isNtfsDotGitmodules(component) ? 'is ".gitmodules" as NTFS reads it (a short name, or a ":" stream)' : undefined);
      if (reason) problems.push(`"${relativePath}": the component "${component}" ${reason}`);
    }
  }
  return problems;
}
