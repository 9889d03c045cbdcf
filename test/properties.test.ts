/**
 * Property-based: no input, however odd, makes the tool exit 1 (a bug) or print a
 * stack trace. Arbitrary JSON as model-settings.json, arbitrary strings as
 * versions, names and option values, through the real CLI.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isReleaseError } from '../src/errors.js';
import { MLSERVER_LINES } from '../src/settings/mlserver-schema.js';
import { validateSettings } from '../src/settings/validate.js';
import { baseEnv, cli } from './helpers/capture.js';
import { removeTempDirs } from './helpers/fs.js';
import { newBareRepo } from './helpers/git-repos.js';
import { createModelProject, writeArtifact } from './helpers/model-project.js';

test.after(removeTempDirs);

const settingsLike = fc.record({
  name: fc.oneof(fc.string(), fc.integer(), fc.jsonValue()),
  implementation: fc.oneof(fc.constant('mlserver_sklearn.SKLearnModel'), fc.string(), fc.jsonValue()),
  parameters: fc.oneof(fc.record({ uri: fc.oneof(fc.constant('./model.txt'), fc.string(), fc.jsonValue()) }, { requiredKeys: [] }), fc.jsonValue()),
  inputs: fc.jsonValue(),
  warm_workers: fc.jsonValue(),
  max_batch_size: fc.jsonValue(),
}, { requiredKeys: [] });

test('validation only ever throws catalogued errors, on every line', () => {
  fc.assert(fc.property(fc.oneof(fc.jsonValue(), settingsLike), fc.constantFrom(...MLSERVER_LINES), (value, line) => {
    try {
      validateSettings(value, 'model-settings.json', line);
    } catch (error) {
      if (!isReleaseError(error) || error.exitCode !== 2) throw error;
    }
  }), { numRuns: 3000 });
});

function assertNoBug(run: { code: number; stdout: string; stderr: string }, what: string): void {
  assert.ok(run.code !== 1, `${what}: exit 1\n${run.stderr}`);
  assert.ok([0, 2, 4].includes(run.code), `${what}: exit ${run.code}\n${run.stderr}`);
  assert.not.match(run.stderr, /^\s+at .+:\d+:\d+\)?$/m, `${what}: a stack trace was printed`);
  assert.not.match(run.stderr, 'unexpected error');
}

test('arbitrary JSON as model-settings.json: exit 0 or 2, never a crash', async () => {
  const project = createModelProject();
  writeArtifact(project);
  const repo = newBareRepo();
  await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 6 }), settingsLike), async (value) => {
    writeFileSync(project.settingsPath, JSON.stringify(value) ?? 'null');
    const run = await cli(['publish', '--model-dir', project.dir, '--repo', repo, '--version', 'v1', '--dry-run', '--check-load', 'never'], { env: baseEnv() });
    assertNoBug(run, JSON.stringify(value).slice(0, 200));
  }), { numRuns: 25 });
});

test('arbitrary strings as versions, names and option values: never exit 1', async () => {
  const project = createModelProject();
  writeArtifact(project);
  const repo = newBareRepo();
  const options = ['--version', '--models-path', '--branch', '--param', '--mlserver-version', '--check-load', '--network-timeout', '--timeout', '--runner', '--via', '--target'];
  await fc.assert(fc.asyncProperty(fc.constantFrom(...options), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }), async (option, value, name) => {
    writeFileSync(project.settingsPath, JSON.stringify({ name, implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.txt' } }));
    const argv = ['publish', '--model-dir', project.dir, '--repo', repo, '--dry-run', '--check-load', 'never', `${option}=${value}`];
    if (option !== '--version') argv.push('--version', 'v1');
    const run = await cli(argv, { env: baseEnv() });
    assertNoBug(run, `${option}=${JSON.stringify(value)} name=${JSON.stringify(name)}`);
  }), { numRuns: 40 });
  assert.ok(path.isAbsolute(project.dir));
});

test.run();
