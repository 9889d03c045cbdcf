/**
 * Which paths a git tree may hold. A tree entry that `git fsck` rejects makes the
 * whole branch impossible to clone or check out for every consumer (MLServer's
 * git-sync included), so nothing like it is ever published. The rules follow git's
 * own `fsck.c` (`fsck_tree`: HAS_DOT, HAS_DOTDOT, HAS_DOTGIT, EMPTY_NAME) and
 * `path.c` (`is_hfs_dotgit`, `is_ntfs_dotgit`, `is_ntfs_dotgitmodules`): ".git" is
 * matched case-insensitively, with HFS+'s ignorable code points removed and with
 * NTFS's trailing dots and spaces and 8.3 short names ("git~1").
 */
/** What is wrong with `relativePath` ("a/b/c", "/"-separated) as a path in a git tree. */
export declare function pathProblems(relativePath: string): string[];
