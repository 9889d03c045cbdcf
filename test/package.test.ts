/**
 * What npm users get: the `npm pack` tarball, installed into an empty folder with
 * no network (the bundle carries every dependency, so the package has none), then
 * run through npx as GitLab jobs and laptops run it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { removeTempDirs, tempDir } from './helpers/fs.js';
import { listFiles, newBareRepo } from './helpers/git-repos.js';
import { createModelProject, writeArtifact } from './helpers/model-project.js';

test.after(removeTempDirs);

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });

test('the packed tarball installs offline into an empty folder and runs through npx', () => {
  const packDir = tempDir('mlsr-pack-');
  npm(['pack', '--pack-destination', packDir], process.cwd());
  const tarball = path.join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(manifest.dependencies ?? {}, {}, 'the bundle needs no installed dependencies');

  const user = tempDir('mlsr-user-');
  writeFileSync(path.join(user, 'package.json'), '{"name":"ml-project","private":true}');
  npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], user);
  const version = npm(['exec', '--offline', '--', 'mlserver-release', '--version'], user).trim();
  assert.is(version, manifest.version);

  const project = createModelProject();
  writeArtifact(project);
  const repo = newBareRepo();
  const out = npm(['exec', '--offline', '--', 'mlserver-release', 'publish', '--model-dir', project.dir, '--repo', repo, '--version', 'v1', '--check-load', 'never', '--json'], user);
  assert.is(JSON.parse(out).status, 'pushed');
  assert.ok(listFiles(repo).includes('models/tiny-v1/model.txt'));
});

test.run();
