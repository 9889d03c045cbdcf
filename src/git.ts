/**
 * Every git command the tool runs lives here. Each function takes the context
 * `{ cwd, env }` last; nothing else in the code base spawns git. Credentials only
 * ever travel in `env` (see publish/credentials.ts), never in argv.
 */
import { spawn } from 'node:child_process';
import { PassThrough, type Readable } from 'node:stream';
import { run, runInGroup, type Env } from './process.js';

export interface GitContext {
  cwd: string;
  env: Env;
  /** Hard deadline for each network read (ls-remote, tip fetch): --network-timeout. */
  networkTimeoutMs?: number;
}

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(`git ${args[0]} failed (exit ${exitCode}): ${stderr.trim()}`);
    this.name = 'GitError';
  }
}

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /** Name within the tree, or the path from the listed root with `recursive`. */
  path: string;
}

async function git(args: string[], ctx: GitContext, input?: string): Promise<string> {
  const result = await run('git', args, { cwd: ctx.cwd, env: ctx.env, input });
  if (result.exitCode !== 0) throw new GitError(args, result.exitCode, result.stderr);
  return result.stdout;
}

/**
 * A network read that must not hang: run in its own process group and stopped at
 * the deadline. Pushes are left to git's low-speed limit instead (see
 * publish/network.ts), because a large push may rightly take long while moving.
 */
async function gitNetworkRead(args: string[], ctx: GitContext): Promise<string> {
  if (ctx.networkTimeoutMs === undefined) return git(args, ctx);
  const result = await runInGroup('git', args, { cwd: ctx.cwd, env: ctx.env, timeoutMs: ctx.networkTimeoutMs });
  if (result.timedOut) throw new GitError(args, 124, `the remote did not answer within ${Math.round(ctx.networkTimeoutMs / 1000)}s: timed out (--network-timeout)`);
  if (result.exitCode !== 0) throw new GitError(args, result.exitCode, result.stderr);
  return result.stdout;
}

/** Like `git`, but hands back failures instead of throwing, for callers that classify them. */
async function gitResult(args: string[], ctx: GitContext) {
  return run('git', args, { cwd: ctx.cwd, env: ctx.env });
}

export async function initBare(dir: string, ctx: GitContext): Promise<void> {
  await git(['init', '--bare', '--quiet', dir], ctx);
}

export async function addRemote(name: string, url: string, ctx: GitContext): Promise<void> {
  await git(['remote', 'add', name, url], ctx);
}

export async function isGitRepository(ctx: GitContext): Promise<boolean> {
  const result = await gitResult(['rev-parse', '--git-dir'], ctx);
  return result.exitCode === 0;
}

/** The repository whose top (work tree, or git dir when bare) is exactly `ctx.cwd`. */
export async function repositoryRootAt(ctx: GitContext): Promise<string | undefined> {
  const result = await gitResult(['rev-parse', '--is-bare-repository', '--absolute-git-dir'], ctx);
  if (result.exitCode !== 0) return undefined;
  const [bare, gitDir] = result.stdout.trim().split('\n');
  if (bare === 'true') return gitDir;
  const topLevel = await gitResult(['rev-parse', '--show-toplevel'], ctx);
  return topLevel.exitCode === 0 ? topLevel.stdout.trim() : undefined;
}

/** True when `branch` is a valid branch name by git's own rules (`git check-ref-format --branch`). */
export async function isValidBranchName(branch: string, ctx: GitContext): Promise<boolean> {
  if (branch.startsWith('-')) return false;
  const result = await gitResult(['check-ref-format', '--branch', branch], ctx);
  return result.exitCode === 0;
}

/** The branch a remote's HEAD points at, e.g. "main". */
export async function remoteDefaultBranch(remote: string, ctx: GitContext): Promise<string | undefined> {
  const out = await gitNetworkRead(['ls-remote', '--symref', remote, 'HEAD'], ctx);
  return /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(out)?.[1];
}

/** Lists `refs/heads/*` of a remote: branch name -> commit id. */
export async function listRemoteBranches(remote: string, ctx: GitContext): Promise<Map<string, string>> {
  const out = await gitNetworkRead(['ls-remote', '--heads', remote], ctx);
  const branches = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [oid, ref] = line.split('\t');
    if (ref?.startsWith('refs/heads/')) branches.set(ref.slice('refs/heads/'.length), oid);
  }
  return branches;
}

/**
 * Fetches only the tip commit of `branch` and its trees: no history, and no file
 * contents (blobs are fetched lazily, and we never ask for other models' blobs).
 */
export async function fetchTipWithoutBlobs(remote: string, branch: string, ctx: GitContext): Promise<string> {
  const ref = `refs/remotes/${remote}/${branch}`;
  await gitNetworkRead(['fetch', '--quiet', '--no-tags', '--depth=1', '--filter=blob:none', remote, `+refs/heads/${branch}:${ref}`], ctx);
  return (await git(['rev-parse', '--verify', `${ref}^{commit}`], ctx)).trim();
}

/** `git ls-tree` of a tree-ish, optionally limited to `path` and recursive. */
export async function listTree(treeish: string, ctx: GitContext, options: { path?: string; recursive?: boolean } = {}): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-z'];
  if (options.recursive) args.push('-r');
  args.push(treeish);
  if (options.path) args.push('--', options.path);
  const out = await git(args, ctx);
  return out
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode, type, oid] = record.slice(0, tab).split(' ');
      return { mode, type: type as TreeEntry['type'], oid, path: record.slice(tab + 1) };
    });
}

/** Writes files into the object store and returns their blob ids, in order. */
export async function hashFiles(files: string[], ctx: GitContext): Promise<string[]> {
  if (files.length === 0) return [];
  // Loose objects are stored uncompressed: push deflates them again anyway, so compressing twice only costs time.
  // git's streaming path for files over core.bigFileThreshold (512 MiB) asks the promisor remote
  // for an object it could already have, so a file just pushed (promote's check after the write)
  // was downloaded whole again (seen with GIT_TRACE; -c overrides of the promisor do not stop it).
  // The in-memory path does not ask: git maps the file, in its own memory, not this process's.
  const out = await git(['-c', 'core.looseCompression=0', '-c', 'core.bigFileThreshold=1024g', 'hash-object', '-w', '--no-filters', '--stdin-paths'], ctx, files.join('\n') + '\n');
  return out.trim().split('\n');
}

/**
 * Builds a tree object from entries. `--missing` because in a blob-less clone the
 * unchanged neighbours' blobs are absent, and checking them would download them.
 */
export async function makeTree(entries: TreeEntry[], ctx: GitContext): Promise<string> {
  const input = entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}`).join('\0') + '\0';
  return (await git(['mktree', '-z', '--missing'], ctx, entries.length ? input : '')).trim();
}

export interface Identity {
  name: string;
  email: string;
}

export async function commitTree(tree: string, parent: string | undefined, message: string, author: Identity, ctx: GitContext): Promise<string> {
  const env = {
    ...ctx.env,
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
  const args = ['commit-tree', tree, ...(parent ? ['-p', parent] : [])];
  return (await git(args, { ...ctx, env }, message + '\n')).trim();
}

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
export async function pushCommit(remote: string, commit: string, branch: string, ctx: GitContext): Promise<PushOutcome> {
  const result = await gitResult(['-c', 'pack.useSparse=false', 'push', '--porcelain', remote, `${commit}:refs/heads/${branch}`], ctx);
  return { ok: result.exitCode === 0, stderr: `${result.stderr}\n${result.stdout}` };
}

/** Reads one small file from a tree-ish (fetching that one blob if it is missing). */
export async function readBlob(spec: string, ctx: GitContext): Promise<string | undefined> {
  const result = await gitResult(['cat-file', 'blob', spec], ctx);
  return result.exitCode === 0 ? result.stdout : undefined;
}

export async function headCommit(ctx: GitContext): Promise<string | undefined> {
  const result = await gitResult(['rev-parse', '--verify', 'HEAD^{commit}'], ctx);
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

export async function exactTag(ctx: GitContext): Promise<string | undefined> {
  const result = await gitResult(['describe', '--tags', '--exact-match', 'HEAD'], ctx);
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

export async function remoteUrl(remote: string, ctx: GitContext): Promise<string | undefined> {
  const result = await gitResult(['config', '--get', `remote.${remote}.url`], ctx);
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

/** The LFS pointer text for a file (its sha256 and size). */
export async function lfsPointer(file: string, ctx: GitContext): Promise<string> {
  return git(['lfs', 'pointer', `--file=${file}`], ctx);
}

/** Uploads LFS objects, staged in the repo's lfs/objects store, to the remote's LFS server. */
export async function lfsPushObjects(remote: string, oids: string[], ctx: GitContext): Promise<void> {
  await git(['lfs', 'push', '--object-id', remote, ...oids], ctx);
}

/**
 * Fetches specific objects (e.g. the small release.json blobs) in one request,
 * instead of one lazy fetch per object.
 */
export async function fetchObjects(remote: string, oids: string[], ctx: GitContext): Promise<void> {
  if (oids.length === 0) return;
  await gitNetworkRead(['-c', 'fetch.negotiationAlgorithm=noop', 'fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--filter=blob:none', remote, ...oids], ctx);
}

/**
 * One blob's bytes as a stream (`cat-file blob`), for blobs of any size: git
 * writes them as they are read, so memory stays bounded. A failure (a missing
 * object) is the stream's error, with git's own words.
 */
export function blobStream(oid: string, ctx: GitContext): Readable {
  const child = spawn('git', ['cat-file', 'blob', oid], { cwd: ctx.cwd, env: ctx.env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = new PassThrough();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout.pipe(out, { end: false });
  child.on('error', (error) => out.destroy(error));
  child.on('close', (code) => {
    if (code === 0) out.end();
    else out.destroy(new GitError(['cat-file', 'blob', oid], code ?? 1, stderr));
  });
  // Whoever stops reading early stops git too.
  out.on('close', () => child.kill());
  return out;
}

/** Reads many blobs at once through `cat-file --batch`; missing ones are left out. */
export async function readBlobs(oids: string[], ctx: GitContext): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (oids.length === 0) return blobs;
  const result = await run('git', ['cat-file', '--batch'], { cwd: ctx.cwd, env: ctx.env, input: oids.join('\n') + '\n' });
  const out = Buffer.from(result.stdout, 'utf8');
  let offset = 0;
  while (offset < out.length) {
    const newline = out.indexOf(10, offset);
    if (newline < 0) break;
    const header = out.subarray(offset, newline).toString('utf8').split(' ');
    offset = newline + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    blobs.set(header[0], out.subarray(offset, offset + size).toString('utf8'));
    offset += size + 1;
  }
  return blobs;
}
