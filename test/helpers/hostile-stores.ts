/**
 * Store contents as an attacker writes them: git trees built with `git mktree`
 * (which, unlike `git add`, accepts "..", ".git", line breaks and symlinks in
 * names), S3 keys written with the SDK, folders with symlinks. Each helper edits
 * a store that already holds a real published version, so only the planted entry
 * is hostile.
 */
import { execFileSync } from 'node:child_process';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { git } from './git-repos.js';
import { S3_CREDENTIALS } from './s3-server.js';

interface TreeLine {
  mode: string;
  type: string;
  oid: string;
  name: string;
}

function lsTree(bare: string, treeish: string): TreeLine[] {
  const out = execFileSync('git', ['ls-tree', '-z', treeish], { cwd: bare, encoding: 'buffer' }).toString('latin1');
  return out.split('\0').filter(Boolean).map((record) => {
    const tab = record.indexOf('\t');
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    return { mode, type, oid, name: Buffer.from(record.slice(tab + 1), 'latin1').toString('utf8') };
  });
}

function mktree(bare: string, entries: TreeLine[]): string {
  const input = Buffer.concat(entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.type} ${e.oid}\t`), Buffer.from(e.name, 'utf8'), Buffer.from([0])])));
  return execFileSync('git', ['mktree', '-z', '--missing'], { cwd: bare, input }).toString().trim();
}

function hashBlob(bare: string, content: string | Buffer): string {
  return execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: bare, input: content }).toString().trim();
}

/** The entry to plant: a file, an executable, a symlink, or a folder holding one file. */
export type Planted = { name: string; kind: 'file' | 'executable' | 'symlink' | 'folder'; content?: string | Buffer };

function plantedEntry(bare: string, planted: Planted): TreeLine {
  const content = planted.content ?? 'planted by an attacker\n';
  if (planted.kind === 'folder') return { mode: '040000', type: 'tree', oid: mktree(bare, [{ mode: '100644', type: 'blob', oid: hashBlob(bare, content), name: 'pwned' }]), name: planted.name };
  const mode = { file: '100644', executable: '100755', symlink: '120000' }[planted.kind];
  return { mode, type: 'blob', oid: hashBlob(bare, content), name: planted.name };
}

function rebuilt(bare: string, tree: string | undefined, parts: string[], entry: TreeLine): string {
  const entries = tree ? lsTree(bare, tree) : [];
  if (parts.length === 0) return mktree(bare, [...entries.filter((e) => e.name !== entry.name), entry]);
  const [head, ...rest] = parts;
  const existing = entries.find((e) => e.name === head && e.type === 'tree');
  const child = rebuilt(bare, existing?.oid, rest, entry);
  return mktree(bare, [...entries.filter((e) => e.name !== head), { mode: '040000', type: 'tree', oid: child, name: head }]);
}

/** Adds `planted` inside `folder` on main of a bare repository, as one new commit. */
export function plantInGit(bare: string, folder: string, planted: Planted): void {
  const root = rebuilt(bare, 'main^{tree}', folder.split('/'), plantedEntry(bare, planted));
  const commit = execFileSync('git', ['commit-tree', root, '-p', 'main', '-m', 'planted'], {
    cwd: bare, env: { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@x' },
  }).toString().trim();
  git(['update-ref', 'refs/heads/main', commit], bare);
}

/** Writes one object under `key` (any bytes the server takes), with the SDK, past every check of the tool. */
export async function plantInS3(endpoint: string, bucket: string, key: string, content = 'planted by an attacker\n', keys: { AWS_ACCESS_KEY_ID: string; AWS_SECRET_ACCESS_KEY: string } = S3_CREDENTIALS): Promise<void> {
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: keys.AWS_ACCESS_KEY_ID, secretAccessKey: keys.AWS_SECRET_ACCESS_KEY } });
  try {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: content }));
  } finally {
    client.destroy();
  }
}
