/** Bytes written to a private temporary folder, so stores can read them as files; removed on interrupt too. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { containedPath } from './contained-path.js';
import { ReleaseError } from './errors.js';
import { removeOnInterrupt } from './interrupts.js';

export async function writeTempFiles(files: Array<{ path: string; content: Buffer; kind?: string }>): Promise<{ dir: string; files: Array<{ path: string; source: string }>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mlsr-copy-'));
  const forget = removeOnInterrupt(dir);
  const out: Array<{ path: string; source: string }> = [];
  try {
    for (const file of files) {
      // Paths came from a store: joined only through the containment check.
      const source = containedPath(dir, file.path);
      await mkdir(path.dirname(source), { recursive: true });
      await writeFile(source, file.content, { mode: file.kind === 'executable' ? 0o755 : 0o644, flag: 'wx' });
      out.push({ path: file.path, source });
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    forget();
    if (error instanceof ReleaseError) throw error;
    // "a" and "a/b" both listed, or one path twice: the listing cannot be a folder.
    throw new ReleaseError('EUNSAFEPATH', 'The files read from the store do not form a folder (a path is listed twice, or as both a file and a folder); nothing was written', [(error as Error).message]);
  }
  return {
    dir,
    files: out,
    remove: async () => {
      await rm(dir, { recursive: true, force: true });
      forget();
    },
  };
}
