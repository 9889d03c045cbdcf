/**
 * A stored folder copied onto this machine, streamed file by file: each file is
 * written to a private temporary folder while its sha256 and size are computed in
 * the same pass, so memory stays bounded whatever the model's size, and what is
 * checked (publish/integrity.ts) is exactly what was written. Callers publish from
 * these files only after the check passes.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { containedPath, readStoredFile } from '../contained-path.js';
import { RECORD_FILE } from '../publish/layout.js';
import { ReleaseError } from '../errors.js';
import { removeOnInterrupt } from '../interrupts.js';
import type { Logger } from '../log.js';
import { TransferProgress } from '../progress.js';
import type { ModelStore } from './types.js';

export interface DownloadedFile {
  /** Path inside the folder, "/"-separated. */
  path: string;
  /** Where its bytes are on this machine. */
  source: string;
  bytes: number;
  sha256: string;
  executable: boolean;
}

export interface DownloadedFolder {
  dir: string;
  files: DownloadedFile[];
  remove(): Promise<void>;
}

export async function downloadFolder(store: ModelStore, folder: string, branch: string | undefined, log: Logger, parent = os.tmpdir()): Promise<DownloadedFolder> {
  const dir = await mkdtemp(path.join(parent, 'mlsr-copy-'));
  const forget = removeOnInterrupt(dir);
  const remove = async () => {
    await rm(dir, { recursive: true, force: true });
    forget();
  };
  try {
    const files = await store.readFolder(folder, branch, async (stored) => {
      const sizes = stored.map((file) => file.size);
      const total = sizes.every((size) => size !== undefined) ? sizes.reduce((sum, size) => sum! + size!, 0) : undefined;
      const progress = new TransferProgress(log, `download ${store.location} ${folder}/`, total);
      const out: DownloadedFile[] = [];
      for (const file of stored) {
        // Paths came from a store: joined only through the containment check.
        const source = containedPath(dir, file.path);
        await mkdir(path.dirname(source), { recursive: true });
        const hash = createHash('sha256');
        let bytes = 0;
        const measure = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            hash.update(chunk);
            bytes += chunk.length;
            progress.add(chunk.length);
            done(null, chunk);
          },
        });
        const executable = file.kind === 'executable';
        await pipeline(await file.open(), measure, createWriteStream(source, { flags: 'wx', mode: executable ? 0o755 : 0o644 }));
        out.push({ path: file.path, source, bytes, sha256: hash.digest('hex'), executable });
      }
      progress.finish();
      return out;
    });
    return { dir, files, remove };
  } catch (error) {
    await remove();
    // A bug in us stays one (exit 1); what the store or the disk did is named.
    if (error instanceof ReleaseError || error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') {
      // "a" and "a/b" both listed, or one path twice: the listing cannot be a folder.
      throw new ReleaseError('EUNSAFEPATH', `The files read from ${store.location} ${folder} do not form a folder (a path is listed twice, or as both a file and a folder); nothing was written`, [(error as Error).message]);
    }
    throw new ReleaseError('EUNREACHABLE', `Reading ${folder}/ from ${store.location} failed midway: ${(error as Error).message}; nothing was written`);
  }
}

/** The downloaded folder's release.json, read with the size limit of every stored text (it came from a store). */
export async function recordText(folder: DownloadedFolder): Promise<string | undefined> {
  if (!folder.files.some((file) => file.path === RECORD_FILE)) return undefined;
  return (await readStoredFile(folder.dir, RECORD_FILE))?.toString('utf8');
}

/**
 * A stored folder's entries without their bytes (nothing is downloaded): for a copy
 * made where the bytes are. The store boundary checks them as it checks any read,
 * so a symlink, a submodule or a hostile path is refused here too.
 */
export async function listFolder(store: ModelStore, folder: string, branch: string | undefined): Promise<Array<{ path: string; size?: number }>> {
  return store.readFolder(folder, branch, async (files) => files.map((file) => ({ path: file.path, size: file.size })));
}
