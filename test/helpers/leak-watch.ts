/**
 * Watches for a secret leaking into child processes: a `git` shim first on PATH
 * records every argv and the repository config git sees, and /proc is polled for
 * the command lines of everything else that runs meanwhile.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './fs.js';

export interface LeakWatch {
  /** PATH value that puts the shim first. */
  path: string;
  stop(): { argvs: string; configs: string; procCmdlines: string };
}

export function watchForLeaks(): LeakWatch {
  const dir = tempDir('mlsr-shim-');
  const realGit = execFileSync('bash', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const argvLog = path.join(dir, 'argv.log');
  const configLog = path.join(dir, 'config.log');
  writeFileSync(argvLog, '');
  writeFileSync(configLog, '');
  writeFileSync(
    path.join(dir, 'git'),
    `#!/bin/bash\nprintf '%s ' "$@" >> ${JSON.stringify(argvLog)}\necho >> ${JSON.stringify(argvLog)}\n` +
      `[ -f "$PWD/config" ] && cat "$PWD/config" >> ${JSON.stringify(configLog)}\nexec ${JSON.stringify(realGit)} "$@"\n`,
  );
  chmodSync(path.join(dir, 'git'), 0o755);

  const seen = new Set<string>();
  const timer = setInterval(() => {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        seen.add(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
      } catch {
        // the process ended between listing and reading
      }
    }
  }, 5);

  return {
    path: `${dir}:${process.env.PATH}`,
    stop() {
      clearInterval(timer);
      return { argvs: readFileSync(argvLog, 'utf8'), configs: readFileSync(configLog, 'utf8'), procCmdlines: [...seen].join('\n') };
    },
  };
}

/** Every spelling a token could leak in. */
export function leakForms(token: string, username = 'x-access-token'): string[] {
  return [
    token,
    Buffer.from(token).toString('base64').replace(/=+$/, ''),
    Buffer.from(`${username}:${token}`).toString('base64').replace(/=+$/, ''),
    encodeURIComponent(token),
  ];
}

export function assertNoLeak(text: string, token: string, where: string): void {
  for (const form of leakForms(token)) {
    if (text.includes(form)) throw new Error(`the token leaked into ${where} as ${JSON.stringify(form)}`);
  }
}
