/**
 * Publishing into a plain folder: the volume MLServer reads its models from.
 * The version is written into a hidden staging folder beside its final place
 * (same filesystem, and MLServer skips dot-folders), then renamed into place in
 * one step, so MLServer never sees a half-written model.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
  /** How one file is copied; injectable so tests can fail half-way. */
  copy?: (source: string, destination: string) => Promise<void>;
}

export interface FolderPublishResult {
  status: 'pushed' | 'already-published';
  replaced: boolean;
}

function hiddenSibling(target: string, kind: string): string {
  return path.join(path.dirname(target), `.mlserver-release-${kind}-${path.basename(target)}-${randomBytes(4).toString('hex')}`);
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

export async function publishToFolder(input: FolderPublishInput): Promise<FolderPublishResult> {
  const target = path.join(input.root, input.folder);
  const copy = input.copy ?? ((source, destination) => copyFile(source, destination));
  let replaced = false;
  if (existsSync(target)) {
    const mine = await contentHashes(input.files, input.ignoreForComparison);
    const theirs = await publishedHashes(target, input.ignoreForComparison);
    const same = mine.size === theirs.size && [...mine].every(([file, hash]) => theirs.get(file) === hash);
    if (same) {
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
    replaced = true;
  }

  await mkdir(path.dirname(target), { recursive: true });
  const staging = hiddenSibling(target, 'staging');
  try {
    for (const file of input.files) {
      const destination = path.join(staging, file.path);
      await mkdir(path.dirname(destination), { recursive: true });
      if (file.source) await copy(file.source, destination);
      else await writeFile(destination, file.content ?? '');
    }
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
    await rm(staging, { recursive: true, force: true });
    if (error instanceof ReleaseError) throw error;
    throw new ReleaseError('EPUSHFAILED', `Writing ${target} failed; nothing was published`, [(error as Error).message]);
  }
  input.log.info(`publish: ${target} is in place`);
  return { status: 'pushed', replaced };
}

/** Removes version folders: each is renamed into one hidden trash folder, which is then deleted. */
export async function removeFolders(root: string, folders: string[]): Promise<void> {
  if (folders.length === 0) return;
  const trash = path.join(root, `.mlserver-release-trash-${randomBytes(4).toString('hex')}`);
  await mkdir(trash);
  try {
    for (const [index, folder] of folders.entries()) await rename(path.join(root, folder), path.join(trash, `${index}`));
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
