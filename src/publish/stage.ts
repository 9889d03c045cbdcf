/**
 * Staging: every file of a version is read exactly once from the model folder and
 * copied into a private folder, hashing the bytes as they are read. Everything
 * after this (the load check, every transport) uses the staged copy, so the bytes
 * published are the bytes checked, and a file or symlink swapped while the tool
 * runs cannot change them.
 *
 * Files are opened with O_NOFOLLOW after their real path was checked to lie in the
 * model folder; on Linux the opened descriptor's path is checked once more
 * (/proc/self/fd), which closes the window between the check and the open.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, readlink, realpath, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { removeOnInterrupt } from '../interrupts.js';
import type { Logger } from '../log.js';
import type { FileToPublish } from '../stores/types.js';
import { folderRelativePath } from './layout.js';
import { pathProblems } from './tree-paths.js';

export interface StagedFile extends FileToPublish {
  source: string;
  bytes: number;
  sha256: string;
}

export interface StagedArtifact {
  uri: string;
  files: StagedFile[];
  bytes: number;
  /** sha256 of the file, or of a sorted "sha256  path" manifest for a folder. */
  sha256: string;
}

export interface Staging {
  dir: string;
  /** Copies `relative` (a file or folder under the model folder) to `targetPath` in the version folder. */
  copy(relative: string, targetPath: string, what: string): Promise<StagedFile[]>;
  write(targetPath: string, content: string | Buffer): Promise<void>;
  remove(): Promise<void>;
}

export async function createStaging(modelDir: string, log: Logger): Promise<Staging> {
  const root = await realpath(modelDir);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mlsr-stage-'));
  const forget = removeOnInterrupt(dir);
  return {
    dir,
    copy: (relative, targetPath, what) => copyIntoStaging(root, modelDir, relative, targetPath, dir, what, log),
    async write(targetPath, content) {
      const destination = path.join(dir, ...targetPath.split('/'));
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, content);
    },
    async remove() {
      await rm(dir, { recursive: true, force: true });
      forget();
    },
  };
}

/** Stages the artifact named by parameters.uri. */
export async function stageArtifact(staging: Staging, uri: string): Promise<StagedArtifact> {
  const base = folderRelativePath(uri);
  const files = await staging.copy(uri, base, 'The artifact (parameters.uri)');
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const single = files.length === 1 && files[0].path === base;
  const sha256 = single
    ? files[0].sha256
    : createHash('sha256').update(files.map((f) => `${f.sha256}  ${f.path}`).sort().join('\n')).digest('hex');
  return { uri, files, bytes, sha256 };
}

async function copyIntoStaging(root: string, modelDir: string, relative: string, targetPath: string, dir: string, what: string, log: Logger): Promise<StagedFile[]> {
  const start = path.resolve(modelDir, relative);
  let info;
  try {
    info = await stat(start);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new ReleaseError('EARTIFACTMISSING', `${what} "${relative}" is a symlink loop`);
    const dangling = await lstat(start).then((l) => l.isSymbolicLink(), () => false);
    throw new ReleaseError('EARTIFACTMISSING', dangling
      ? `${what} "${relative}" is a symlink to ${await readlink(start).catch(() => '?')}, which does not exist`
      : `${what} "${relative}" does not exist at ${start}`);
  }
  await insideRoot(root, start, what, relative);
  const pairs: Array<[string, string]> = info.isDirectory()
    ? (await walk(root, start, what, log)).map((inner) => [path.join(start, inner), `${targetPath}/${inner.split(path.sep).join('/')}`])
    : [[start, targetPath]];
  const staged: StagedFile[] = [];
  for (const [source, target] of pairs) {
    const problems = pathProblems(target);
    if (problems.length > 0) throw new ReleaseError('EARTIFACTMISSING', `${what}: cannot publish "${target}"`, problems);
    staged.push(await copyOne(root, source, target, dir, what));
  }
  return staged;
}

async function insideRoot(root: string, file: string, what: string, relative: string): Promise<string> {
  const real = await realpath(file);
  if (real !== root && !real.startsWith(root + path.sep)) {
    throw new ReleaseError('EURIESCAPES', `${what} "${relative}" resolves to ${real}, outside the model folder ${root}`);
  }
  return real;
}

/** Files under `dir`, relative to it, sorted; `.git` folders are left out with a warning. */
async function walk(root: string, dir: string, what: string, log: Logger, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(path.join(dir, prefix))).sort()) {
    const inner = path.join(prefix, entry);
    const full = path.join(dir, inner);
    if (entry.toLowerCase() === '.git') {
      log.warn(`${what}: left out ${full}: a .git folder cannot be stored in a git tree (it would make the repository impossible to check out)`);
      continue;
    }
    let info;
    try {
      info = await stat(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ReleaseError('EARTIFACTMISSING', code === 'ELOOP'
        ? `${what}: ${full} is a symlink loop`
        : `${what}: ${full} is a symlink to ${await readlink(full).catch(() => '?')}, which does not exist`);
    }
    await insideRoot(root, full, what, inner);
    if (info.isDirectory()) out.push(...(await walk(root, dir, what, log, inner)));
    else if (info.isFile()) out.push(inner);
    else throw new ReleaseError('EARTIFACTMISSING', `${what}: ${full} is neither a file nor a folder`);
  }
  return out;
}

async function copyOne(root: string, source: string, target: string, dir: string, what: string): Promise<StagedFile> {
  const real = await realpath(source);
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW).catch((error: NodeJS.ErrnoException) => {
    throw new ReleaseError('EURIESCAPES', `${what}: ${source} changed while it was read (${error.code}); nothing was published`);
  });
  const destination = path.join(dir, ...target.split('/'));
  await mkdir(path.dirname(destination), { recursive: true });
  const out = await open(destination, 'wx').catch(async (error: NodeJS.ErrnoException) => {
    await handle.close();
    if (error.code === 'EEXIST' || error.code === 'EISDIR' || error.code === 'ENOTDIR') {
      throw new ReleaseError('ESETTINGSINVALID', `${what}: two files of the version would both be ${target}; parameters.uri, the custom runtime and environment_tarball must not overlap`);
    }
    throw error;
  });
  try {
    const opened = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
    if (opened !== undefined && opened !== root && !opened.startsWith(root + path.sep)) {
      throw new ReleaseError('EURIESCAPES', `${what}: ${source} now points outside the model folder (${opened}); nothing was published`);
    }
    const hash = createHash('sha256');
    let bytes = 0;
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      await out.write(chunk);
      bytes += bytesRead;
    }
    return { path: target, source: destination, bytes, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
    await out.close();
  }
}
