/** Bytes written to a private temporary folder, so stores can read them as files; removed on interrupt too. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { removeOnInterrupt } from './interrupts.js';

export async function writeTempFiles(files: Array<{ path: string; content: Buffer }>): Promise<{ dir: string; files: Array<{ path: string; source: string }>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mlsr-copy-'));
  const forget = removeOnInterrupt(dir);
  const out: Array<{ path: string; source: string }> = [];
  for (const file of files) {
    const source = path.join(dir, ...file.path.split('/'));
    await mkdir(path.dirname(source), { recursive: true });
    await writeFile(source, file.content);
    out.push({ path: file.path, source });
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
