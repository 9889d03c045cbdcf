import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cli } from '/work/main/test/helpers/capture.ts';
import { createModelProject, writeArtifact } from '/work/main/test/helpers/model-project.ts';
import { newBareRepo, readFile, git } from '/work/main/test/helpers/git-repos.ts';
import { plantInGit } from '/work/main/test/helpers/hostile-stores.ts';
function short(r: any) { return `code=${r.code}\n  out=${r.stdout.slice(0, 300)}\n  err=${r.stderr.slice(-700)}`; }
const names = process.argv.slice(2);
for (const name of names) {
  console.log('=== ' + JSON.stringify(name));
  const staging = newBareRepo(); const prod = newBareRepo();
  const p = createModelProject(); writeArtifact(p);
  const r = await cli(['publish', '--model-dir', p.dir, '--repo', staging, '--version', 'v1']);
  if (r.code) { console.log(short(r)); continue; }
  const content = 'planted\n';
  const rec = JSON.parse(readFile(staging, 'models/tiny-v1/release.json'));
  const isFolder = name.endsWith('/');
  const rel = isFolder ? `${name}pwned` : name;
  rec.files.push({ path: rel, bytes: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') });
  plantInGit(staging, 'models/tiny-v1', { name: 'release.json', kind: 'file', content: JSON.stringify(rec, null, 2) });
  plantInGit(staging, 'models/tiny-v1', { name: isFolder ? name.slice(0, -1) : name, kind: isFolder ? 'folder' : 'file', content });
  const pr = await cli(['promote', '--version', 'v1', '--model', 'tiny', '--from', staging, '--to', prod]);
  console.log(short(pr));
  try { console.log('fsck:', execFileSync('git', ['fsck', '--strict'], { cwd: prod, stdio: 'pipe' }).toString()); } catch (e: any) { console.log('FSCK FAILED:', e.stderr.toString()); }
  console.log(git(['ls-tree', '-r', '--name-only', 'main'], prod));
}
process.exit(0);
