/**
 * Publishing one version folder over git. Works in a fresh temporary bare repo
 * that fetches only the branch tip's trees (no history, no other models' files),
 * builds the one-folder change with plumbing, and pushes without force. When
 * another release lands first, the change is rebuilt on the new tip and retried.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import {
  addRemote, commitTree, fetchTipWithoutBlobs, GitError, hashFiles, initBare, listRemoteBranches,
  pushCommit, readBlob, remoteDefaultBranch, type GitContext, type Identity,
} from '../git.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { gitEnvironment, type Credentials } from './credentials.js';
import { lfsMatcher, prepareLfsObjects, uploadLfsObjects, type LfsFile } from './lfs.js';
import { backoffDelay, classifyGitFailure, DEFAULT_BACKOFF, publishError, sleep, type BackoffOptions } from './retry.js';
import { folderBlobs, replaceFolder, writeFolderTree, type FolderFile } from './tree.js';

export interface FileToPublish {
  /** Path inside the version folder. */
  path: string;
  /** Either a file on disk or generated content. */
  source?: string;
  content?: string;
}

export interface GitPublishInput {
  /** Credential-free URL or absolute path of the remote. */
  url: string;
  credentials?: Credentials;
  branch?: string;
  folder: string;
  files: FileToPublish[];
  /** Files that differ on every run (release.json) and so do not count as a change. */
  ignoreForComparison: string[];
  message: string;
  author: Identity;
  force: boolean;
  env: Env;
  log: Logger;
  backoff?: BackoffOptions;
}

export interface GitPublishResult {
  status: 'pushed' | 'already-published';
  branch: string;
  commit: string;
  attempts: number;
  /** True when --force replaced different content. */
  replaced: boolean;
}

const REMOTE = 'origin';

export async function publishWithGit(input: GitPublishInput): Promise<GitPublishResult> {
  const workspace = await mkdtemp(path.join(input.env.TMPDIR || os.tmpdir(), 'mlserver-release-'));
  try {
    return await publishIn(workspace, input);
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

async function publishIn(workspace: string, input: GitPublishInput): Promise<GitPublishResult> {
  const repoDir = path.join(workspace, 'repo.git');
  const ctx: GitContext = { cwd: workspace, env: gitEnvironment(input.env, input.url, input.credentials) };
  await initBare(repoDir, ctx);
  ctx.cwd = repoDir;
  await addRemote(REMOTE, input.url, ctx);

  // Hashing the new files overlaps the fetch; most repos use no LFS, so start as if none.
  const firstHash = hashLocalFiles(workspace, input, undefined, ctx);
  firstHash.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  let local: LocalFiles | undefined;
  let localAttributes: string | undefined;
  const backoff = input.backoff ?? DEFAULT_BACKOFF;
  const branch = input.branch ?? (await withRetries(() => remoteDefaultBranch(REMOTE, ctx), input, backoff)) ?? 'main';

  for (let attempt = 1; attempt <= backoff.attempts; attempt++) {
    const tip = await fetchTip(branch, ctx, input, backoff);
    // Which paths go through LFS is the target repo's decision, read from its tip.
    const attributes = tip ? await readBlob(`${tip}:.gitattributes`, ctx) : undefined;
    const isLfs = lfsMatcher(attributes);
    local ??= await firstHash;
    const wantsLfs = input.files.some((file) => file.source && isLfs(`${input.folder}/${file.path}`));
    if (wantsLfs && attributes !== localAttributes) {
      local = await hashLocalFiles(workspace, input, attributes, ctx);
      localAttributes = attributes;
    }
    if (attempt === 1) await warnAboutLargeFiles(input, isLfs);
    const published = tip ? await folderBlobs(tip, input.folder, ctx) : new Map<string, string>();
    const same = sameContent(local.files, published, input.ignoreForComparison);
    if (same) {
      input.log.info(`publish: ${input.folder} already holds this exact model on ${branch}; nothing to push`);
      return { status: 'already-published', branch, commit: tip!, attempts: attempt, replaced: false };
    }
    const replaced = published.size > 0;
    if (replaced && !input.force) {
      throw new ReleaseError('EVERSIONCONFLICT', `${input.folder} is already published on ${branch} with different content`, describeDifferences(local.files, published, input.ignoreForComparison));
    }

    const folderTree = await writeFolderTree(local.files, ctx);
    const rootTree = tip ? `${tip}^{tree}` : undefined;
    const newRoot = await replaceFolder(rootTree, input.folder, folderTree, ctx);
    const commit = await commitTree(newRoot, tip, input.message, input.author, ctx);

    await uploadLfsObjects(REMOTE, local.lfs, ctx);
    const push = await pushCommit(REMOTE, commit, branch, ctx);
    if (push.ok) {
      input.log.info(`publish: pushed ${commit.slice(0, 12)} to ${branch}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
      return { status: 'pushed', branch, commit, attempts: attempt, replaced };
    }
    const kind = classifyGitFailure(push.stderr);
    if ((kind !== 'moved' && kind !== 'transient') || attempt === backoff.attempts) {
      if (kind === 'moved') break;
      throw publishError(kind, input.url, branch, push.stderr);
    }
    const delay = backoffDelay(attempt, backoff);
    input.log.info(`publish: ${kind === 'moved' ? 'another release landed first; rebuilding on the new tip' : 'the remote failed'}, retrying in ${delay}ms (attempt ${attempt + 1} of ${backoff.attempts})`);
    await sleep(delay);
  }
  throw new ReleaseError('EPUSHFAILED', `Gave up publishing ${input.folder} after ${backoff.attempts} attempts: the branch ${branch} kept moving`);
}

/** The branch tip, or undefined when the remote has no branches at all yet. */
async function fetchTip(branch: string, ctx: GitContext, input: GitPublishInput, backoff: BackoffOptions): Promise<string | undefined> {
  try {
    return await withRetries(() => fetchTipWithoutBlobs(REMOTE, branch, ctx), input, backoff);
  } catch (error) {
    if (error instanceof ReleaseError && error.code === 'EBRANCHMISSING') {
      const branches = await listRemoteBranches(REMOTE, ctx);
      if (branches.size === 0) return undefined; // an empty repository: the release becomes its first commit
    }
    throw error;
  }
}

/** Retries an idempotent git read on transient failures; maps other failures to their error. */
async function withRetries<T>(action: () => Promise<T>, input: GitPublishInput, backoff: BackoffOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      const kind = classifyGitFailure(error.stderr);
      if (kind !== 'transient' || attempt >= backoff.attempts) throw publishError(kind, input.url, input.branch, error.stderr);
      const delay = backoffDelay(attempt, backoff);
      input.log.info(`publish: the remote did not answer cleanly, retrying in ${delay}ms (attempt ${attempt + 1} of ${backoff.attempts})`);
      await sleep(delay);
    }
  }
}

interface LocalFiles {
  files: FolderFile[];
  lfs: LfsFile[];
}

/** GitHub refuses files over 100 MB unless they go through LFS. */
const LARGE_FILE_BYTES = 100 * 1000 * 1000;

async function warnAboutLargeFiles(input: GitPublishInput, isLfs: (repoPath: string) => boolean): Promise<void> {
  for (const file of input.files) {
    if (!file.source || isLfs(`${input.folder}/${file.path}`)) continue;
    if ((await stat(file.source)).size > LARGE_FILE_BYTES) {
      input.log.warn(`${file.path} is over 100 MB and the repository does not route it through Git LFS: GitHub will reject the push`);
    }
  }
}

/**
 * Hashes the files to publish into the temp repo. Files the target repo routes
 * through LFS are replaced by their pointers.
 */
async function hashLocalFiles(workspace: string, input: GitPublishInput, attributes: string | undefined, ctx: GitContext): Promise<LocalFiles> {
  const isLfs = lfsMatcher(attributes);
  const sources: string[] = [];
  const lfsSources: string[] = [];
  for (const [index, file] of input.files.entries()) {
    if (file.source) {
      const source = path.resolve(file.source);
      sources.push(source);
      if (isLfs(`${input.folder}/${file.path}`)) lfsSources.push(source);
    } else {
      const generated = path.join(workspace, `generated-${index}`);
      await writeFile(generated, file.content ?? '');
      sources.push(generated);
    }
  }
  const lfs = await prepareLfsObjects(lfsSources, ctx.cwd, workspace, ctx);
  if (lfs.length > 0) input.log.info(`publish: ${lfs.length} file(s) go through Git LFS, as the repository's .gitattributes asks`);
  const pointerOf = new Map(lfs.map((f) => [f.source, f.pointerFile]));
  const oids = await hashFiles(sources.map((s) => pointerOf.get(s) ?? s), ctx);
  const files: FolderFile[] = [];
  for (const [index, file] of input.files.entries()) {
    const executable = file.source ? ((await stat(file.source)).mode & 0o111) !== 0 : false;
    files.push({ path: file.path, oid: oids[index], executable });
  }
  return { files, lfs };
}

function sameContent(local: FolderFile[], published: Map<string, string>, ignore: string[]): boolean {
  const mine = local.filter((f) => !ignore.includes(f.path));
  const theirs = [...published.keys()].filter((p) => !ignore.includes(p));
  return published.size > 0 && mine.length === theirs.length && mine.every((f) => published.get(f.path) === f.oid);
}

function describeDifferences(local: FolderFile[], published: Map<string, string>, ignore: string[]): string[] {
  const lines: string[] = [];
  for (const file of local) {
    if (ignore.includes(file.path)) continue;
    const remote = published.get(file.path);
    if (!remote) lines.push(`${file.path}: new in this release`);
    else if (remote !== file.oid) lines.push(`${file.path}: differs (published ${remote.slice(0, 12)}, local ${file.oid.slice(0, 12)})`);
  }
  for (const remotePath of published.keys()) {
    if (!ignore.includes(remotePath) && !local.some((f) => f.path === remotePath)) lines.push(`${remotePath}: only in the published version`);
  }
  return lines;
}
