/**
 * Times one publish of a fresh 4 MiB model over smart HTTP into a cached bench
 * repository (.bench/, made by npm run bench), three times, and prints the tool's
 * own log with the time each line took; git's steps go to GIT_TRACE_PERFORMANCE's
 * file. Run it from two checkouts alternately to compare them on the same machine:
 *
 *   node --import tsx scripts/publish-timing.ts [repo-1024mib-4.git|repo-10mib-1.git]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { release } from '../src/commands/release.js';
import { Logger } from '../src/log.js';
import { GitHttpServer } from '../test/helpers/git-http-server.js';
const work = path.resolve('.bench');
const server = await new GitHttpServer({ projectRoot: work }).start();
const project = path.join(work, 'pubtime-project');
mkdirSync(project, { recursive: true });
writeFileSync(path.join(project, 'model-settings.json'), JSON.stringify({ name: 'pt', implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.joblib', version: '$VERSAO' } }));
const repo = process.argv[2] ?? 'repo-10mib-1.git';
for (let i = 0; i < 3; i++) {
  writeFileSync(path.join(project, 'model.joblib'), randomBytes(4 << 20));
  let last = Date.now();
  const lines: string[] = [];
  const log = new Logger({ stream: { write: (t: string) => { const now = Date.now(); lines.push(`${String(now - last).padStart(5)}ms ${t.trimEnd()}`); last = now; return true; } } });
  const t0 = Date.now();
  await release({ modelDir: project, repo: `${server.url}/${repo}`, version: `pt${Date.now()}`, runner: 'none', branch: 'main' }, { env: { PATH: process.env.PATH, HOME: process.env.HOME, GIT_TRACE_PERFORMANCE: path.join(work, 'publish-timing.perf.log') }, cwd: project, log });
  console.log(`total ${Date.now() - t0} ms`);
  if (i === 2) console.log(lines.join('\n'));
}
await server.stop();
