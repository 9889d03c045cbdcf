/**
 * The notebook's environment is an allow-list (src/notebook/environment.ts): a real
 * release runs a real notebook through Jupyter, which writes the names it sees.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { notebookEnvironment, NOTEBOOK_ENV_VARIABLE } from '../../src/notebook/environment.js';
import { Redactor } from '../../src/redact.js';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs } from '../helpers/fs.js';
import { newBareRepo } from '../helpers/git-repos.js';
import { createModelProject, tinyNotebook } from '../helpers/model-project.js';

test.after(removeTempDirs);

/** What an attacker's notebook would look for, and what a CI job commonly holds. */
const CREDENTIALS = {
  AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
  AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/publisher',
  AWS_PROFILE: 'production',
  AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
  SOME_TOKEN: 'an-unknown-token',
  GOOGLE_APPLICATION_CREDENTIALS: '/secrets/gcp.json',
  JUPYTER_TOKEN: 'jupyter-secret',
  HTTPS_PROXY: 'http://user:proxy-password@proxy:3128',
};

test('only allow-listed and opted-in variables pass; credentials never do, even when asked for', () => {
  const redactor = new Redactor();
  redactor.add('the-push-token');
  const { env, removed, refused } = notebookEnvironment({
    PATH: '/usr/bin', HOME: '/home/u', LC_ALL: 'C.UTF-8', PYTHONPATH: '/p', CONDA_PREFIX: '/c', OMP_NUM_THREADS: '2', HF_HOME: '/hf',
    GITHUB_SHA: 'abc', CI_COMMIT_TAG: 'v1', CI: 'true',
    ...CREDENTIALS,
    HF_TOKEN: 'hf-secret', GITHUB_TOKEN: 'gh', CI_JOB_TOKEN: 'job', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
    RANDOM_TOOL_SETTING: 'x', MLSERVER_REPO_TOKEN: 'the-push-token', MLSERVER_COMPARE_TOKEN: 'compare',
    WANDB_MODE: 'offline', MY_PASSWORD_FILE: '/p', LEAKY: 'prefix the-push-token suffix',
    [NOTEBOOK_ENV_VARIABLE]: 'WANDB_MODE, MY_PASSWORD_FILE\nMLSERVER_REPO_TOKEN LEAKY',
  }, redactor);
  assert.equal(Object.keys(env).sort(), [
    'CI', 'CI_COMMIT_TAG', 'CONDA_PREFIX', 'GITHUB_SHA', 'HF_HOME', 'HOME', 'LC_ALL', 'MY_PASSWORD_FILE', 'OMP_NUM_THREADS', 'PATH', 'PYTHONPATH', 'WANDB_MODE',
  ]);
  for (const name of [...Object.keys(CREDENTIALS), 'HF_TOKEN', 'GITHUB_TOKEN', 'CI_JOB_TOKEN', 'MLSERVER_REPO_TOKEN', 'MLSERVER_COMPARE_TOKEN', 'LEAKY']) {
    assert.ok(removed.includes(name), `${name} is named as held back: ${removed}`);
  }
  assert.not.ok(removed.includes('RANDOM_TOOL_SETTING'), 'a harmless variable is simply not passed, not reported');
  assert.equal(refused.map((r) => r.split(' ')[0]), ['MLSERVER_REPO_TOKEN', 'LEAKY']);
});

test('a real notebook run sees PATH and the opted-in variable, and none of the credentials', async () => {
  const project = createModelProject();
  const notebook = tinyNotebook();
  // The training cell writes the artifact; this one replaces it with the names the kernel sees.
  notebook.cells.push({
    cell_type: 'code', execution_count: null, metadata: {}, outputs: [],
    source: 'import os, json\nwith open("model.txt", "w") as f:\n    json.dump(sorted(os.environ), f)',
  } as (typeof notebook.cells)[number]);
  writeFileSync(project.notebookPath, JSON.stringify(notebook));
  const run = await cli(['release', '--model-dir', project.dir, '--repo', newBareRepo(), '--version', 'v1', '--runner', 'nbconvert'], {
    env: baseEnv({ ...CREDENTIALS, MY_NOTEBOOK_SETTING: 'on', [NOTEBOOK_ENV_VARIABLE]: 'MY_NOTEBOOK_SETTING' }),
  });
  assert.is(run.code, 0, run.stderr);
  const seen = JSON.parse(readFileSync(path.join(project.dir, 'model.txt'), 'utf8')) as string[];
  assert.ok(seen.includes('PATH'), seen.join(' '));
  assert.ok(seen.includes('MY_NOTEBOOK_SETTING'), seen.join(' '));
  for (const name of Object.keys(CREDENTIALS)) assert.not.ok(seen.includes(name), `${name} reached the notebook`);
  assert.match(run.stderr, /notebook: runs without .*AWS_ROLE_ARN/);
});

test.run();
