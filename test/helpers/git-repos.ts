/** Real git repositories for tests: seeded bare remotes and reads of what landed. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './fs.js';

export function git(args: string[], cwd?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
    maxBuffer: 1024 * 1024 * 1024,
  });
}

/**
 * Gives a bare repository a first commit on `main` with `files` (path -> content),
 * as a user's MLServer repo would have.
 */
export function seedBareRepo(bare: string, files: Record<string, string | Buffer> = { 'README.md': '# models\n' }): void {
  const work = tempDir('mlsr-seed-');
  git(['init', '--quiet', '-b', 'main', work]);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    writeFileSync(path.join(work, file), content);
  }
  git(['add', '-A'], work);
  git(['commit', '--quiet', '-m', 'seed'], work);
  git(['push', '--quiet', bare, 'main'], work);
}

export function newBareRepo(files?: Record<string, string | Buffer>): string {
  const bare = path.join(tempDir('mlsr-remote-'), 'mlserver.git');
  git(['init', '--quiet', '--bare', '-b', 'main', bare]);
  seedBareRepo(bare, files);
  return bare;
}

export function listFiles(bare: string, ref = 'main'): string[] {
  return git(['ls-tree', '-r', '--name-only', ref], bare).trim().split('\n').filter(Boolean);
}

export function readFile(bare: string, file: string, ref = 'main'): string {
  return git(['show', `${ref}:${file}`], bare);
}

export function commitCount(bare: string, ref = 'main'): number {
  return Number(git(['rev-list', '--count', ref], bare).trim());
}
