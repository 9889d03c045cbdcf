import { type Readable } from 'node:stream';
import { type Env } from './process.js';
export interface GitContext {
    cwd: string;
    env: Env;
    /** Hard deadline for each network read (ls-remote, tip fetch): --network-timeout. */
    networkTimeoutMs?: number;
}
export declare class GitError extends Error {
    readonly args: string[];
    readonly exitCode: number;
    readonly stderr: string;
    constructor(args: string[], exitCode: number, stderr: string);
}
export interface TreeEntry {
    mode: string;
    type: 'blob' | 'tree' | 'commit';
    oid: string;
    /** Name within the tree, or the path from the listed root with `recursive`. */
    path: string;
}
export declare function initBare(dir: string, ctx: GitContext): Promise<void>;
export declare function addRemote(name: string, url: string, ctx: GitContext): Promise<void>;
export declare function isGitRepository(ctx: GitContext): Promise<boolean>;
/** The repository whose top (work tree, or git dir when bare) is exactly `ctx.cwd`. */
export declare function repositoryRootAt(ctx: GitContext): Promise<string | undefined>;
/** True when `branch` is a valid branch name by git's own rules (`git check-ref-format --branch`). */
export declare function isValidBranchName(branch: string, ctx: GitContext): Promise<boolean>;
/** The branch a remote's HEAD points at, e.g. "main". */
export declare function remoteDefaultBranch(remote: string, ctx: GitContext): Promise<string | undefined>;
/** Lists `refs/heads/*` of a remote: branch name -> commit id. */
export declare function listRemoteBranches(remote: string, ctx: GitContext): Promise<Map<string, string>>;
/**
 * Fetches only the tip commit of `branch` and its trees: no history, and no file
 * contents (blobs are fetched lazily, and we never ask for other models' blobs).
 */
export declare function fetchTipWithoutBlobs(remote: string, branch: string, ctx: GitContext): Promise<string>;
/** `git ls-tree` of a tree-ish, optionally limited to `path` and recursive. */
export declare function listTree(treeish: string, ctx: GitContext, options?: {
    path?: string;
    recursive?: boolean;
}): Promise<TreeEntry[]>;
/** Writes files into the object store and returns their blob ids, in order. */
export declare function hashFiles(files: string[], ctx: GitContext): Promise<string[]>;
/**
 * Builds a tree object from entries. `--missing` because in a blob-less clone the
 * unchanged neighbours' blobs are absent, and checking them would download them.
 */
export declare function makeTree(entries: TreeEntry[], ctx: GitContext): Promise<string>;
export interface Identity {
    name: string;
    email: string;
}
export declare function commitTree(tree: string, parent: string | undefined, message: string, author: Identity, ctx: GitContext): Promise<string>;
export interface PushOutcome {
    ok: boolean;
    stderr: string;
}
/**
 * Pushes a commit to a branch without force; the caller classifies a refusal.
 * `pack.useSparse=false`: the sparse walk (git's default since 2.27) does not see
 * that a blob the new tree reuses from an unchanged folder is already on the
 * remote, so in a partial clone pack-objects fetched it back just to send it
 * (seen with GIT_TRACE: a default copy of a 6 MiB version downloaded 6 MiB). The
 * full walk marks every blob under the remote's tip as already there.
 */
export declare function pushCommit(remote: string, commit: string, branch: string, ctx: GitContext): Promise<PushOutcome>;
/** Reads one small file from a tree-ish (fetching that one blob if it is missing). */
export declare function readBlob(spec: string, ctx: GitContext): Promise<string | undefined>;
export declare function headCommit(ctx: GitContext): Promise<string | undefined>;
export declare function exactTag(ctx: GitContext): Promise<string | undefined>;
export declare function remoteUrl(remote: string, ctx: GitContext): Promise<string | undefined>;
/** The LFS pointer text for a file (its sha256 and size). */
export declare function lfsPointer(file: string, ctx: GitContext): Promise<string>;
/** Uploads LFS objects, staged in the repo's lfs/objects store, to the remote's LFS server. */
export declare function lfsPushObjects(remote: string, oids: string[], ctx: GitContext): Promise<void>;
/**
 * Fetches specific objects (e.g. the small release.json blobs) in one request,
 * instead of one lazy fetch per object.
 */
export declare function fetchObjects(remote: string, oids: string[], ctx: GitContext): Promise<void>;
/**
 * One blob's bytes as a stream (`cat-file blob`), for blobs of any size: git
 * writes them as they are read, so memory stays bounded. A failure (a missing
 * object) is the stream's error, with git's own words.
 */
export declare function blobStream(oid: string, ctx: GitContext): Readable;
/** Reads many blobs at once through `cat-file --batch`; missing ones are left out. */
export declare function readBlobs(oids: string[], ctx: GitContext): Promise<Map<string, string>>;
