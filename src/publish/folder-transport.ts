/**
 * Publishing into a plain folder: the volume MLServer reads its models from.
 * The version is written into a hidden staging folder beside its final place
 * (same filesystem, and MLServer skips dot-folders), then renamed into place in
 * one step, so MLServer never sees a half-written model.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { removeOnInterrupt } from '../interrupts.js';
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import type { FileToPublish } from './git-transport.js';
import { RECORD_FILE, SETTINGS_FILE, sha256File } from './layout.js';
import { assertOwnedBy, recordedIdentity, type FolderIdentity } from './ownership.js';

export interface FolderPublishInput {
  root: string;
  /** Version folder relative to `root`, e.g. models/iris-v1. */
  folder: string;
  files: FileToPublish[];
  ignoreForComparison: string[];
  force: boolean;
  /** The model and version this folder must belong to, when it already exists. */
  identity?: FolderIdentity;
  log: Logger;
  /** Hidden work folders older than this are an interrupted run's and are removed. */
  staleAfterMs?: number;
  /** How one file is copied; injectable so tests can fail half-way. */
  copy?: (source: string, destination: string) => Promise<void>;
}

export interface FolderPublishResult {
  status: 'pushed' | 'already-published';
  replaced: boolean;
}

function hiddenSibling(target: string, kind: string): string {
  return path.join(path.dirname(target), `${WORK_FOLDER_PREFIX}${kind}-${path.basename(target)}-${randomBytes(4).toString('hex')}`);
}

async function contentHashes(files: FileToPublish[], ignore: string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of files) {
    if (ignore.includes(file.path)) continue;
    hashes.set(file.path, file.source ? await sha256File(file.source) : createHash('sha256').update(file.content ?? '').digest('hex'));
  }
  return hashes;
}

async function publishedHashes(dir: string, ignore: string[], prefix = ''): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) for (const [k, v] of await publishedHashes(path.join(dir, entry.name), ignore, `${relative}/`)) hashes.set(k, v);
    else if (!ignore.includes(relative)) hashes.set(relative, await sha256File(path.join(dir, entry.name)));
  }
  return hashes;
}

/** The tool's hidden working folders beside version folders (MLServer skips dot-folders). */
export const WORK_FOLDER_PREFIX = '.mlserver-release-';

export async function publishToFolder(input: FolderPublishInput): Promise<FolderPublishResult> {
  const target = path.join(input.root, input.folder);
  const copy = input.copy ?? ((source, destination) => copyFile(source, destination));
  await mkdir(path.dirname(target), { recursive: true });
  await removeStaleWorkFolders(path.dirname(target), input.staleAfterMs ?? DEFAULT_STALE_AFTER_MS, input.log);
  const mine = await contentHashes(input.files, input.ignoreForComparison);
  let staging: string | undefined;
  let forget: () => void = () => undefined;
  try {
    // Racing publishes of the same folder: each decides again after losing a rename.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const replaced = existsSync(target);
      if (replaced) {
        const theirs = await publishedHashes(target, input.ignoreForComparison).catch(() => undefined);
        if (!theirs) continue; // it vanished while we read it: a concurrent replace; decide again
        if (mine.size === theirs.size && [...mine].every(([file, hash]) => theirs.get(file) === hash)) {
          input.log.info(`publish: ${target} already holds this exact model; nothing to do`);
          return { status: 'already-published', replaced: false };
        }
        if (input.identity) {
          const read = (file: string) => readFile(path.join(target, file), 'utf8').catch(() => undefined);
          assertOwnedBy(target, input.identity, recordedIdentity(await read(RECORD_FILE), await read(SETTINGS_FILE)));
        }
        if (!input.force) {
          const differing = [...mine.keys()].filter((file) => theirs.get(file) !== mine.get(file));
          throw new ReleaseError('EVERSIONCONFLICT', `${target} is already published with different content`, differing.map((f) => `${f}: differs`));
        }
      }
      if (!staging) {
        staging = hiddenSibling(target, 'staging');
        forget = removeOnInterrupt(staging);
        for (const file of input.files) {
          const destination = path.join(staging, file.path);
          await mkdir(path.dirname(destination), { recursive: true });
          if (file.source) await copy(file.source, destination);
          else await writeFile(destination, file.content ?? '');
        }
      }
      try {
        if (replaced) {
          // Move the old version aside first; the new one appears with a single rename.
          const old = hiddenSibling(target, 'replaced');
          await rename(target, old);
          await rename(staging, target);
          await rm(old, { recursive: true, force: true });
        } else {
          await rename(staging, target);
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') continue; // another publish got there first
        throw error;
      }
      staging = undefined;
      input.log.info(`publish: ${target} is in place`);
      return { status: 'pushed', replaced };
    }
    throw new ReleaseError('EPUSHFAILED', `${target} kept changing while it was being published; nothing was published`);
  } catch (error) {
    if (error instanceof ReleaseError) throw error;
    throw new ReleaseError('EPUSHFAILED', `Writing ${target} failed; nothing was published`, [(error as Error).message]);
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
    forget();
  }
}

/** Work folders an earlier, killed run left behind count as stale after this long. */
export const DEFAULT_STALE_AFTER_MS = 10 * 60 * 1000;

/** The tool's hidden work folders in `dir` (staging, replaced, trash), with their age. */
export async function workFolders(dir: string): Promise<Array<{ path: string; ageMs: number }>> {
  const found: Array<{ path: string; ageMs: number }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || !entry.name.startsWith(WORK_FOLDER_PREFIX)) continue;
    const info = await stat(path.join(dir, entry.name)).catch(() => undefined);
    if (info) found.push({ path: path.join(dir, entry.name), ageMs: Date.now() - info.mtimeMs });
  }
  return found;
}

async function removeStaleWorkFolders(dir: string, staleAfterMs: number, log: Logger): Promise<void> {
  for (const folder of await workFolders(dir)) {
    if (folder.ageMs < staleAfterMs) continue;
    await rm(folder.path, { recursive: true, force: true });
    log.info(`publish: removed ${folder.path}, left by an interrupted run ${Math.round(folder.ageMs / 60000)} min ago`);
  }
}

/** Removes version folders: each is renamed into one hidden trash folder, which is then deleted. */
export async function removeFolders(root: string, folders: string[]): Promise<void> {
  if (folders.length === 0) return;
  const trash = path.join(root, `${WORK_FOLDER_PREFIX}trash-${randomBytes(4).toString('hex')}`);
  await mkdir(trash);
  try {
    for (const [index, folder] of folders.entries()) {
      // A concurrent prune may have taken it already: that is the outcome we want.
      await rename(path.join(root, folder), path.join(trash, `${index}`)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  } finally {
    await rm(trash, { recursive: true, force: true });
  }
}

/** Asks MLServer to rescan the disk for `model` and load the new version, without a restart. */
export async function reloadModel(url: string, model: string, headers: Record<string, string>, log: Logger): Promise<void> {
  const endpoint = `${url.replace(/\/+$/, '')}/v2/repository/models/${encodeURIComponent(model)}/load`;
  let status: number;
  let body = '';
  try {
    const response = await fetch(endpoint, { method: 'POST', headers, signal: AbortSignal.timeout(120_000) });
    status = response.status;
    body = await response.text();
  } catch (error) {
    throw new ReleaseError('EPUSHFAILED', `MLServer did not answer the reload request ${endpoint}: ${(error as Error).message}`);
  }
  if (status !== 200) throw new ReleaseError('EPUSHFAILED', `MLServer refused to load ${model} (HTTP ${status})`, [body.slice(0, 300)]);
  log.info(`publish: MLServer reloaded ${model}`);
}
