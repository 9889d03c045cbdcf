/**
 * A plain folder that MLServer reads its models from (a model volume). A version
 * is written into a hidden staging folder beside its final place (same
 * filesystem; MLServer skips dot-folders) and renamed into place in one step, so
 * MLServer never sees a half-written model. A replaced version is moved aside
 * first; removed ones go through a hidden trash folder. A rename that loses a
 * race (the folder appeared or vanished meanwhile) decides again on a fresh look.
 * Content ids are sha256, since there is no git here.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, link, lstat, mkdir, open, readdir, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import path from 'node:path';
import { assertNoSymlinkOnWay, containedPath, readStoredFile } from '../contained-path.js';
import { ReleaseError } from '../errors.js';
import { printableUrl } from './credentials.js';
import { removeOnInterrupt } from '../interrupts.js';
import type { Logger } from '../log.js';
import { sha256File } from '../publish/layout.js';
import { versionFolders, type ListedFile } from './folders.js';
import type { Applied, ApplyOptions, Decision, FileToPublish, FolderWrite, ModelStore, Snapshot, StoredFile, StoredKind } from './types.js';

/** The tool's hidden working folders beside version folders (MLServer skips dot-folders). */
export const WORK_FOLDER_PREFIX = '.mlserver-release-';
/** Work folders an earlier, killed run left behind count as stale after this long. */
export const DEFAULT_STALE_AFTER_MS = 10 * 60 * 1000;

export interface FolderStoreOptions {
  root: string;
  modelsPath: string;
  log: Logger;
  staleAfterMs?: number;
  /** How one file is copied; injectable so tests can fail half-way. */
  copy?: (source: string, destination: string) => Promise<void>;
}

function hiddenSibling(target: string, kind: string): string {
  return path.join(path.dirname(target), `${WORK_FOLDER_PREFIX}${kind}-${path.basename(target)}-${randomBytes(4).toString('hex')}`);
}

interface WalkedEntry {
  /** Relative, "/"-separated; a name that is not valid UTF-8 keeps U+FFFD, which the boundary refuses. */
  path: string;
  kind: StoredKind;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

/**
 * Every file and symlink under `dir` (relative, "/"-separated). Symlinks are
 * listed, never followed. `skipDotAtTop` leaves out the dot-folders of a models
 * path (MLServer skips them; the tool's work folders live there); inside a
 * version folder nothing is left out, so the boundary sees a planted `.git`.
 */
async function walk(dir: string, prefix = '', skipDotAtTop = false): Promise<WalkedEntry[]> {
  const out: WalkedEntry[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, encoding: 'buffer' }).catch(() => [])) {
    let name: string;
    try {
      name = strictUtf8.decode(entry.name);
    } catch {
      out.push({ path: `${prefix}${lossyUtf8.decode(entry.name)}`, kind: 'file' });
      continue;
    }
    if (skipDotAtTop && !prefix && name.startsWith('.')) continue;
    const relative = `${prefix}${name}`;
    if (entry.isSymbolicLink()) out.push({ path: relative, kind: 'symlink' });
    else if (entry.isDirectory()) out.push(...(await walk(path.join(dir, name), `${relative}/`)));
    else if (entry.isFile()) out.push({ path: relative, kind: ((await stat(path.join(dir, name))).mode & 0o111) !== 0 ? 'executable' : 'file' });
    else out.push({ path: relative, kind: 'special' }); // a pipe, socket or device: listed, so the boundary refuses it
  }
  return out;
}

/** A content id for a walked entry: sha256 of a file, or the target of a symlink (never followed). */
async function contentIdOf(file: string, kind: StoredKind): Promise<string> {
  if (kind === 'special') return 'special:'; // never opened: a pipe would block
  return kind === 'symlink' ? `symlink:${await readlink(file)}` : sha256File(file);
}

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

export function folderStore(options: FolderStoreOptions): ModelStore {
  const base = path.join(options.root, options.modelsPath);
  const copy = options.copy ?? ((source, destination) => copyFile(source, destination));

  /** Where a file's bytes are on this machine: its source, or the volume's own file it refers to. */
  const sourceOf = (file: FileToPublish) => (file.stored ? containedPath(options.root, `${file.stored.folder}/${file.stored.path}`) : file.source);

  async function snapshot(): Promise<Snapshot> {
    // Content ids are computed only for the folders someone asks about: a volume may hold gigabytes.
    await assertNoSymlinkOnWay(options.root, base, options.root);
    const walked = await walk(base, '', true);
    const kinds = new Map(walked.map((file) => [options.modelsPath ? `${options.modelsPath}/${file.path}` : file.path, file.kind]));
    const listed: ListedFile[] = [...kinds.keys()].map((p) => ({ path: p, id: '' }));
    const folders = versionFolders(listed, options.modelsPath);
    for (const [name, folder] of folders) {
      const names = await folder.files();
      let hashed: Map<string, string> | undefined;
      folders.set(name, {
        folder: name,
        files: async () => (hashed ??= new Map(await Promise.all([...names.keys()].map(async (p) => [p, await contentIdOf(containedPath(options.root, `${name}/${p}`), kinds.get(`${name}/${p}`) ?? 'file')] as [string, string])))),
      });
    }
    return {
      folders,
      async readTexts(paths) {
        const out = new Map<string, string>();
        for (const p of paths) {
          const text = (await readStoredFile(options.root, p))?.toString('utf8');
          if (text !== undefined) out.set(p, text);
        }
        return out;
      },
      async contentIds(_folder, files) {
        return new Map(await Promise.all(files.map(async (file) => {
          const source = sourceOf(file);
          return [file.path, file.sha256 && !file.stored ? file.sha256 : source ? await sha256File(source) : createHash('sha256').update(file.content ?? '').digest('hex')] as [string, string];
        })));
      },
    };
  }

  async function removeStaleWorkFolders(dir: string): Promise<void> {
    for (const folder of await workFolders(dir)) {
      if (folder.ageMs < (options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS)) continue;
      await rm(folder.path, { recursive: true, force: true });
      options.log.info(`publish: removed ${folder.path}, left by an interrupted run ${Math.round(folder.ageMs / 60000)} min ago`);
    }
  }

  async function stage(target: string, files: FileToPublish[]): Promise<{ dir: string; forget: () => void }> {
    const dir = hiddenSibling(target, 'staging');
    const forget = removeOnInterrupt(dir);
    try {
      for (const file of files) {
        const destination = containedPath(dir, file.path, target);
        await mkdir(path.dirname(destination), { recursive: true });
        const source = sourceOf(file);
        // A file of this volume is linked, not copied: the same bytes, no new space.
        if (source && file.stored) await link(source, destination).catch(() => copy(source, destination));
        else if (source) await copy(source, destination);
        else await writeFile(destination, file.content ?? '');
      }
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      forget();
      throw new ReleaseError('EPUSHFAILED', `Writing ${target} failed; nothing was published`, [(error as Error).message]);
    }
    return { dir, forget };
  }

  return {
    kind: 'folder',
    location: options.root,
    async preflight() {
      try {
        await access(options.root, constants.W_OK);
      } catch {
        throw new ReleaseError('EFORBIDDEN', `${options.root} is not writable by this user`);
      }
    },
    snapshot: () => snapshot(),
    localFile: (folder, file) => containedPath(options.root, `${folder}/${file}`),
    referenceTo: (folder, file) => ({ location: options.root, folder, path: file }),
    canCopy: (reference) => reference.location === options.root && !reference.server,
    async readFolder(folder, _branch, use) {
      const dir = containedPath(options.root, folder);
      await assertNoSymlinkOnWay(options.root, dir);
      const files = await Promise.all((await walk(dir)).map(async (entry): Promise<StoredFile> => {
        const file = path.join(dir, ...entry.path.split('/'));
        // A name that is not UTF-8 cannot be opened by its decoded spelling; the boundary refuses it by that spelling.
        const unreadable = entry.path.includes('\uFFFD');
        if (unreadable || entry.kind === 'special') return { path: entry.path, kind: entry.kind, open: async () => Readable.from([]) };
        if (entry.kind === 'symlink') return { path: entry.path, kind: entry.kind, open: async () => Readable.from([Buffer.from(await readlink(file))]) };
        // No symlink is followed on the way to the bytes (O_NOFOLLOW), as on the way to the folder.
        return { path: entry.path, kind: entry.kind, size: (await lstat(file)).size, open: async () => (await open(file, constants.O_RDONLY | constants.O_NOFOLLOW)).createReadStream() };
      }));
      return use(files);
    },
    async apply<T>(decide: (snapshot: Snapshot, attempt: number) => Promise<Decision<T>>, applyOptions: ApplyOptions): Promise<Applied<T>> {
      await assertNoSymlinkOnWay(options.root, base);
      await mkdir(base, { recursive: true });
      const staged = new Map<string, { dir: string; forget: () => void }>();
      try {
        for (let attempt = 1; attempt <= 5; attempt++) {
          const seen = await snapshot();
          const decision = await decide(seen, attempt);
          if ('done' in decision) return { result: decision.done, changed: false, attempts: attempt };
          let lost = false;
          for (const write of decision.writes) {
            const target = containedPath(options.root, write.folder);
            await assertNoSymlinkOnWay(options.root, target);
            if (write.keepOthers) {
              await writeEach(target, write);
              continue;
            }
            await mkdir(path.dirname(target), { recursive: true });
            await removeStaleWorkFolders(path.dirname(target));
            try {
              if (write.files === null) {
                const trash = hiddenSibling(target, 'trash');
                await rename(target, trash).catch((error: NodeJS.ErrnoException) => {
                  // Another run removed it already: that is the outcome we want.
                  if (error.code !== 'ENOENT') throw error;
                });
                await rm(trash, { recursive: true, force: true });
                continue;
              }
              if (!staged.has(write.folder)) staged.set(write.folder, await stage(target, write.files));
              const staging = staged.get(write.folder)!;
              const before = seen.folders.get(write.folder);
              if (before) {
                // Replace only what the decision saw: move it aside, check it is still that, then swap.
                const old = hiddenSibling(target, 'replaced');
                await rename(target, old);
                if (!(await sameFiles(old, await before.files()))) {
                  await rename(old, target).catch(() => rm(old, { recursive: true, force: true }));
                  lost = true;
                  break;
                }
                await rename(staging.dir, target);
                await rm(old, { recursive: true, force: true });
              } else {
                // Absent when decided: a rename onto a folder someone created since fails (ENOTEMPTY).
                await rename(staging.dir, target);
              }
              staging.forget();
              staged.delete(write.folder);
            } catch (error) {
              const code = (error as NodeJS.ErrnoException).code;
              if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') { lost = true; break; } // another run got there first
              if (error instanceof ReleaseError) throw error;
              throw new ReleaseError('EPUSHFAILED', `Writing ${target} failed; nothing was published`, [(error as Error).message]);
            }
          }
          if (!lost) {
            for (const write of decision.writes) options.log.info(`publish: ${path.join(options.root, write.folder)} ${write.files ? 'is in place' : 'was removed'}`);
            return { result: decision.result, changed: true, attempts: attempt };
          }
        }
        throw new ReleaseError('EPUSHFAILED', `${applyOptions.what}: the folder kept changing while it was being written; nothing was published`);
      } finally {
        for (const staging of staged.values()) {
          await rm(staging.dir, { recursive: true, force: true });
          staging.forget();
        }
      }
    },
  };
}

async function sameFiles(dir: string, expected: Map<string, string>): Promise<boolean> {
  const files = await walk(dir);
  if (files.length !== expected.size) return false;
  for (const file of files) if (expected.get(file.path) !== (await contentIdOf(path.join(dir, ...file.path.split('/')), file.kind))) return false;
  return true;
}

/** Writes only the listed files of a folder, each replaced in one rename; the folder's other entries stay as they are. */
async function writeEach(target: string, write: FolderWrite): Promise<void> {
  try {
    await writeEachFile(target, write);
  } catch (error) {
    if (error instanceof ReleaseError) throw error;
    // A file where a folder should be, or a folder where the file should be: the store is not as the tool left it.
    throw new ReleaseError('ESTOREDATA', `${target} cannot be written: ${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}`.trim(), ['a file stands where a folder should be, or a folder where a file should be; fix the folder store']);
  }
}

async function writeEachFile(target: string, write: FolderWrite): Promise<void> {
  for (const file of write.files ?? []) {
    const destination = containedPath(target, file.path);
    await assertNoSymlinkOnWay(target, destination);
    await mkdir(path.dirname(destination), { recursive: true });
    const temporary = hiddenSibling(destination, 'file');
    const forget = removeOnInterrupt(temporary);
    try {
      if (file.source) await copyFile(file.source, temporary);
      else await writeFile(temporary, file.content ?? '');
      await rename(temporary, destination);
    } finally {
      await rm(temporary, { force: true });
      forget();
    }
  }
}

/** Throws EUSAGE unless `url` is an http(s) URL without credentials, where MLServer's REST API could answer. */
export function assertReloadUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password) {
    throw new ReleaseError('EUSAGE', `--reload-url "${JSON.stringify(printableUrl(url)).slice(1, -1)}" is not an http(s) URL of MLServer's REST API, such as http://mlserver:8080 (credentials go in --verify-header)`);
  }
}

/** Asks MLServer to rescan the disk for `model` and load its versions, without a restart. */
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
