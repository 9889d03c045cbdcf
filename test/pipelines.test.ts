/** The CI files users copy: they parse, and the production gate is really a gate. */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import YAML from 'yaml';

const read = (file: string) => YAML.parse(readFileSync(file, 'utf8'));

test('the GitLab template has a manual, environment-gated promote job', () => {
  const template = read('templates/gitlab/mlserver-release.yml');
  const job = template['.mlserver-promote'];
  assert.is(job.when, 'manual');
  assert.is(job.environment.name, 'production');
  assert.ok(job.resource_group);
  assert.ok(Array.isArray(job.needs));
  assert.match(job.script.join('\n'), 'mlserver-release@0 promote --make-default');
  assert.equal(job.artifacts.reports, { dotenv: 'mlserver-release.env' });
});

test('the example GitLab pipeline runs tag -> staging -> verify -> manual promote with the release dotenv', () => {
  const pipeline = read('examples/classificador-produtos/.gitlab-ci.yml');
  assert.equal(pipeline.stages, ['deploy', 'verify', 'production']);
  assert.is(pipeline['release-model'].artifacts.reports.dotenv, 'mlserver-release.env');
  assert.equal(pipeline['verify-staging'].needs, ['release-model']);
  const promote = pipeline['promote-production'];
  assert.is(promote.extends, '.mlserver-promote');
  assert.ok(promote.needs.includes('release-model'), 'needs the release job, whose dotenv carries the version');
  assert.is(promote.environment.name, 'production');
});

test('the example GitHub workflow gates promote on the production environment after release', () => {
  const workflow = read('examples/classificador-produtos/.github/workflows/release-model.yml');
  const promote = workflow.jobs.promote;
  assert.is(promote.needs, 'release');
  assert.is(promote.environment, 'production');
  const step = promote.steps.find((s: { uses?: string }) => s.uses?.startsWith('mlserver-release/mlserver-release@'));
  assert.is(step.with.command, 'promote');
  assert.is(step.with['make-default'], true);
  assert.ok(step.with.from && step.with.to && step.with['from-token'] && step.with['to-token']);
});

test.run();
