/**
 * Publishing one version folder over git, in a git session (git-session.ts) that
 * fetches only the branch tip's trees: the one-folder change is built with
 * plumbing and pushed without force. When another release lands first, the change
 * is rebuilt on the new tip and retried.
 */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { fetchObjects, hashFiles, readBlob, readBlobs, type GitContext, type Identity } from '../git.js';
import { RECORD_FILE, SETTINGS_FILE } from './layout.js';
import { assertOwnedBy, IDENTITY_FILES, recordedIdentity, type FolderIdentity } from './ownership.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import type { Credentials } from './credentials.js';
import { commitWithRetry, REMOTE, withGitSession } from './git-session.js';
import { lfsMatcher, prepareLfsObjects, uploadLfsObjects, type LfsFile } from './lfs.js';
import type { BackoffOptions } from './retry.js';
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
  /** Review mode: create `branch` from this one when it does not exist yet. */
  startBranch?: string;
  folder: string;
  files: FileToPublish[];
  /** Files that differ on every run (release.json) and so do not count as a change. */
  ignoreForComparison: string[];
  message: string;
  author: Identity;
  force: boolean;
  /** The model and version this folder must belong to, when it already exists. */
  identity?: FolderIdentity;
  /** --network-timeout, for the git session. */
  networkTimeoutMs?: number;
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

export async function publishWithGit(input: GitPublishInput): Promise<GitPublishResult> {
  return withGitSession(input, async (session) => {
    const { ctx, workspace, branch } = session;
    // Hashing the new files overlaps the fetch; most repos use no LFS, so start as if none.
    const firstHash = hashLocalFiles(workspace, input, undefined, ctx);
    firstHash.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    let local: LocalFiles | undefined;
    let localAttributes: string | undefined;
    let replaced = false;

    const outcome = await commitWithRetry<{ commit: string; attempts: number }>(session, input, `publishing ${input.folder}`, async (tip, attempt) => {
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
      if (sameContent(local.files, published, input.ignoreForComparison)) {
        input.log.info(`publish: ${input.folder} already holds this exact model on ${branch}; nothing to push`);
        return { done: { commit: tip!, attempts: attempt } };
      }
      replaced = published.size > 0;
      if (replaced && input.identity) {
        const oids = IDENTITY_FILES.map((file) => published.get(file)).filter((oid): oid is string => Boolean(oid));
        await fetchObjects(REMOTE, oids, ctx);
        const blobs = await readBlobs(oids, ctx);
        const text = (file: string) => { const oid = published.get(file); return oid ? blobs.get(oid) : undefined; };
        assertOwnedBy(`${input.folder} on ${branch}`, input.identity, recordedIdentity(text(RECORD_FILE), text(SETTINGS_FILE)));
      }
      if (replaced && !input.force) {
        throw new ReleaseError('EVERSIONCONFLICT', `${input.folder} is already published on ${branch} with different content`, describeDifferences(local.files, published, input.ignoreForComparison));
      }
      const folderTree = await writeFolderTree(local.files, ctx);
      const tree = await replaceFolder(tip ? `${tip}^{tree}` : undefined, input.folder, folderTree, ctx);
      const lfs = local.lfs;
      return { tree, message: input.message, author: input.author, beforePush: () => uploadLfsObjects(REMOTE, lfs, ctx) };
    });

    if ('done' in outcome) return { status: 'already-published', branch, replaced: false, ...outcome.done };
    return { status: 'pushed', branch, replaced, ...outcome };
  });
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
