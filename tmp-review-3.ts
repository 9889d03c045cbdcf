import { mkdirSync, mkdtempSync, writeFileSync, symlinkSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cli, baseEnv } from '/work/main/test/helpers/capture.ts';
import { createModelProject } from '/work/main/test/helpers/model-project.ts';
function short(r: any) { return `code=${r.code}\n  out=${r.stdout.slice(0, 500)}\n  err=${r.stderr.slice(-900)}`; }
const T = (p: string) => mkdtempSync(`/tmp/rev/${p}`);
const p = createModelProject();
const ro = (repo: string, extra: string[] = [], platform = 'kserve') => cli(['rollout', '--platform', platform, '--model-dir', p.dir, '--version', 'v1', '--storage-uri', 's3://b/models/tiny-v1', '--manifests-repo', repo, '--manifests-target', 'folder', ...extra]);
const cases: Record<string, () => Promise<void>> = {
  async deployIsFile() { const m = T('m-'); mkdirSync(`${m}/deploy`); writeFileSync(`${m}/deploy/tiny`, 'x'); console.log(short(await ro(m))); },
  async yamlIsDir() { const m = T('m-'); mkdirSync(`${m}/deploy/tiny/inferenceservice.yaml`, { recursive: true }); console.log(short(await ro(m))); },
  async yamlSymlinkOut() {
    const m = T('m-'); const o = T('o-'); mkdirSync(`${m}/deploy/tiny`, { recursive: true });
    writeFileSync(`${o}/secret.yaml`, 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: tiny\n  annotations: {secret: "SECRET-VALUE-123"}\nspec: {predictor: {model: {}}}\n');
    symlinkSync(`${o}/secret.yaml`, `${m}/deploy/tiny/inferenceservice.yaml`);
    console.log(short(await ro(m, ['--dry-run'])));
  },
  async deploySymlinkOut() {
    const m = T('m-'); const o = T('o-'); mkdirSync(`${o}/tiny`, { recursive: true }); mkdirSync(m, { recursive: true });
    writeFileSync(`${o}/tiny/inferenceservice.yaml`, 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: tiny\n  annotations: {secret: "SECRET-VALUE-456"}\nspec: {predictor: {model: {}}}\n');
    symlinkSync(o, `${m}/deploy`);
    console.log(short(await ro(m, ['--dry-run'])));
    console.log(short(await ro(m)));
  },
  async bomb() {
    const m = T('m-'); mkdirSync(`${m}/deploy/tiny`, { recursive: true });
    let y = 'a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n'; for (let i = 1; i < 30; i++) y += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]\n`;
    writeFileSync(`${m}/deploy/tiny/seldon.yaml`, 'apiVersion: mlops.seldon.io/v1alpha1\nkind: Experiment\nmetadata: {name: tiny}\nspec:\n  candidates: *a29\n' + y.replace(/^/gm, '  ').replace(/^  a0/m, '  a0'));
    const t0 = Date.now(); console.log(short(await ro(m, [], 'seldon')), Date.now() - t0, 'ms');
  },
  async bomb2() {
    const m = T('m-'); mkdirSync(`${m}/deploy/tiny`, { recursive: true });
    let y = 'x0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n'; for (let i = 1; i < 12; i++) y += `x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
    writeFileSync(`${m}/deploy/tiny/seldon.yaml`, y + 'apiVersion: mlops.seldon.io/v1alpha1\nkind: Experiment\nmetadata: {name: tiny-experiment}\nspec:\n  default: tiny\n  candidates: *a11\n');
    const t0 = Date.now(); console.log(short(await ro(m, [], 'seldon')), Date.now() - t0, 'ms');
  },
  async weirdPath() {
    const m = T('m-');
    for (const mp of ['.', '/abs', 'a//b', 'deploy/.GIT', 'x\ny', 'deploy/tiny/', '..', 'deploy/..', 'deploy/.git:x', ' ']) console.log(JSON.stringify(mp), short(await ro(m, ['--manifests-path', mp])).split('\n').slice(0, 3).join(' | '));
  },
};
for (const c of process.argv.slice(2)) { console.log('=== ' + c); try { await cases[c](); } catch (e) { console.log('THREW', e); } }
process.exit(0);
