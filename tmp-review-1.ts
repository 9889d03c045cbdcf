import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, symlinkSync, rmSync, existsSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { cli } from '/work/main/test/helpers/capture.ts';
import { createModelProject, writeArtifact } from '/work/main/test/helpers/model-project.ts';

const T = (p: string) => mkdtempSync(`/tmp/rev/${p}`);
function short(r: any) { return `code=${r.code}\n  out=${r.stdout.slice(0, 400)}\n  err=${r.stderr.slice(-700)}`; }
async function run(argv: string[], env?: any) {
  const t = new Promise<any>((res) => setTimeout(() => res({ code: 'TIMEOUT', stdout: '', stderr: '' }), 20000).unref());
  return Promise.race([cli(argv, env ? { env } : {}), t]);
}
async function publishTo(dir: string, version = 'v1') {
  const project = createModelProject(); writeArtifact(project);
  const r = await cli(['publish', '--model-dir', project.dir, '--repo', dir, '--target', 'folder', '--version', version]);
  if (r.code !== 0) console.log('publish failed', short(r));
  return project;
}
const which = process.argv[2];
const cases: Record<string, () => Promise<void>> = {
  async fifoRecord() {
    const s = T('fifo-'); await publishTo(s);
    const v = `${s}/models/tiny-v1/release.json`; unlinkSync(v); execFileSync('mkfifo', [v]);
    console.log('list', short(await run(['list', '--repo', s, '--target', 'folder'])));
  },
  async devzeroSettings() {
    const s = T('zero-'); await publishTo(s);
    const v = `${s}/models/tiny-v1/release.json`; unlinkSync(v); symlinkSync('/dev/zero', v);
    console.log('list', short(await run(['list', '--repo', s, '--target', 'folder'])));
  },
  async symlinkRecordOutside() {
    const s = T('symrec-'); await publishTo(s);
    const outside = T('outside-'); writeFileSync(`${outside}/secret.json`, JSON.stringify({ model: 'SECRET-TOKEN-abc', version: 'v1' }));
    const v = `${s}/models/tiny-v1/release.json`; unlinkSync(v); symlinkSync(`${outside}/secret.json`, v);
    console.log('list', short(await run(['list', '--repo', s, '--target', 'folder', '--json'])));
  },
  async fifoInSource() {
    const s = T('fifosrc-'); await publishTo(s);
    execFileSync('mkfifo', [`${s}/models/tiny-v1/extra-fifo`]);
    const d = T('dst-');
    console.log('promote', short(await run(['promote', '--version', 'v1', '--model', 'tiny', '--from', s, '--from-target', 'folder', '--to', d, '--to-target', 'folder'])));
    console.log(execFileSync('find', [d]).toString());
  },
  async versionFolderSymlink() {
    const s = T('vsym-'); await publishTo(s);
    const real = T('real-'); renameSync(`${s}/models/tiny-v1`, `${real}/tiny-v1`); symlinkSync(`${real}/tiny-v1`, `${s}/models/tiny-v1`);
    console.log('list', short(await run(['list', '--repo', s, '--target', 'folder'])));
    const d = T('dst-');
    console.log('promote', short(await run(['promote', '--version', 'v1', '--model', 'tiny', '--from', s, '--from-target', 'folder', '--to', d, '--to-target', 'folder'])));
  },
  async defaultSymlinkExisting() {
    const s = T('defsym-'); await publishTo(s);
    const outside = T('outside-');
    symlinkSync(outside, `${s}/models/tiny`);
    console.log('default', short(await run(['default', '--version', 'v1', '--model', 'tiny', '--repo', s, '--target', 'folder'])));
    console.log('outside:', execFileSync('find', [outside]).toString());
  },
  async defaultSymlinkInside() {
    const s = T('defsym2-'); await publishTo(s);
    const r1 = await run(['default', '--version', 'v1', '--model', 'tiny', '--repo', s, '--target', 'folder']); console.log('default1', short(r1));
    await publishTo(s, 'v2');
    const outside = T('outside-');
    symlinkSync(`${outside}/x`, `${s}/models/tiny/planted-link`);
    console.log('default2', short(await run(['default', '--version', 'v2', '--model', 'tiny', '--repo', s, '--target', 'folder'])));
    console.log(execFileSync('find', [s, outside]).toString());
  },
  async modelsSymlink() {
    const s = T('msym-'); await publishTo(s);
    const outside = T('outside-'); renameSync(`${s}/models`, `${outside}/models`); symlinkSync(`${outside}/models`, `${s}/models`);
    console.log('list', short(await run(['list', '--repo', s, '--target', 'folder'])));
    const p = createModelProject(); writeArtifact(p);
    console.log('publish', short(await run(['publish', '--model-dir', p.dir, '--repo', s, '--target', 'folder', '--version', 'v9'])));
  },
};
for (const c of which.split(',')) { console.log('=== ' + c); try { await cases[c](); } catch (e) { console.log('THREW', e); } }
process.exit(0);
