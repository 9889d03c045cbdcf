import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ReleaseError } from '../../src/errors.js';
import { Logger } from '../../src/log.js';
import { executeNotebook } from '../../src/notebook/execute.js';
import { hasTag, sourceText, type Notebook } from '../../src/notebook/inject.js';
import { chooseRunner } from '../../src/notebook/runners.js';
import { baseEnv, Capture } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { createModelProject, createPapermillRecorder } from '../helpers/model-project.js';

const parameters = [
  { name: 'version', value: 'v1.0', raw: true },
  { name: 'model_name', value: 'tiny', raw: true },
  { name: 'payload', value: 'hello', raw: false },
  { name: 'sleep_seconds', value: '0', raw: false },
];

function logger() {
  const stream = new Capture();
  return { stream, log: new Logger({ stream }) };
}

/** PATH without any papermill, so `auto` must fall back to nbconvert. */
function pathWithoutPapermill(): string {
  return (process.env.PATH ?? '').split(':').filter((dir) => !existsSync(path.join(dir, 'papermill'))).join(':');
}

test.after(removeTempDirs);

test('auto picks papermill when it is on PATH, nbconvert otherwise', () => {
  const recorder = createPapermillRecorder();
  assert.is(chooseRunner('auto', baseEnv({ PATH: `${recorder.binDir}:${process.env.PATH}` }))?.name, 'papermill');
  assert.is(chooseRunner('auto', baseEnv({ PATH: pathWithoutPapermill() }))?.name, 'nbconvert');
  assert.is(chooseRunner('papermill', baseEnv({ PATH: '/nonexistent' })), undefined);
});

test('nbconvert really executes the notebook with the injected parameters and keeps it', async () => {
  const project = createModelProject();
  const { stream, log } = logger();
  const out = path.join(tempDir(), 'kept', 'run.ipynb');
  const result = await executeNotebook({
    notebookPath: project.notebookPath, outputNotebook: out, runner: 'nbconvert', parameters,
    env: baseEnv({ PATH: pathWithoutPapermill() }), log,
  });
  assert.is(result.runner, 'nbconvert');
  // The notebook ran in its own folder and saw the injected, typed values.
  assert.is(readFileSync(path.join(project.dir, 'model.txt'), 'utf8'), 'tiny v1.0 hello int');
  const executed = JSON.parse(readFileSync(out, 'utf8')) as Notebook;
  const injectedIndex = executed.cells.findIndex((c) => hasTag(c, 'injected-parameters'));
  assert.ok(hasTag(executed.cells[injectedIndex - 1], 'parameters'));
  assert.match(sourceText(executed.cells[injectedIndex]), 'version = "v1.0"');
  assert.ok(executed.cells.every((c) => c.cell_type !== 'code' || typeof c.execution_count === 'number'), 'every code cell ran');
  // One progress line per code cell, and the hidden input copy is gone.
  assert.is((stream.text.match(/notebook: cell \d+ of 6/g) ?? []).length, 5, stream.text);
  assert.not.ok(existsSync(path.join(project.dir, '.tiny.mlserver-release-input.ipynb')));
});

test('a failing cell is reported by position, exception and executed notebook path (nbconvert)', async () => {
  const project = createModelProject();
  const out = path.join(project.dir, 'tiny.executed.ipynb');
  try {
    await executeNotebook({
      notebookPath: project.notebookPath, outputNotebook: out, runner: 'nbconvert',
      parameters: [...parameters, { name: 'fail', value: 'True', raw: false }], env: baseEnv(), log: logger().log,
    });
    assert.unreachable('the notebook should fail');
  } catch (error) {
    const e = error as ReleaseError;
    assert.is(e.code, 'ENOTEBOOKFAILED');
    assert.is(e.exitCode, 3);
    assert.match(e.message, 'Notebook cell 5 of 6');
    assert.match(e.message, 'raised ValueError: training diverged');
    assert.match(e.message, out);
  }
  const kept = JSON.parse(readFileSync(out, 'utf8')) as Notebook;
  assert.is(kept.cells[4].outputs?.[0]?.ename, 'ValueError', 'the kept notebook records the error');
  assert.not.ok(existsSync(path.join(project.dir, 'model.txt')), 'the cells after the failure did not run');
});

test('--timeout stops a cell that runs too long (nbconvert)', async () => {
  const project = createModelProject();
  try {
    await executeNotebook({
      notebookPath: project.notebookPath, outputNotebook: path.join(project.dir, 'out.ipynb'), runner: 'nbconvert',
      parameters: [...parameters.slice(0, 3), { name: 'sleep_seconds', value: '30', raw: false }],
      timeoutSeconds: 2, env: baseEnv(), log: logger().log,
    });
    assert.unreachable('the cell should time out');
  } catch (error) {
    assert.is((error as ReleaseError).code, 'ENOTEBOOKTIMEOUT');
    assert.match((error as ReleaseError).message, 'cell 4 of 6');
    assert.is((error as ReleaseError).exitCode, 3);
  }
});

test('papermill gets the input, output, cwd, typed and raw parameters and the timeout', async () => {
  const project = createModelProject();
  const recorder = createPapermillRecorder();
  const { stream, log } = logger();
  const out = path.join(project.dir, 'tiny.executed.ipynb');
  await executeNotebook({
    notebookPath: project.notebookPath, outputNotebook: out, runner: 'auto', parameters, timeoutSeconds: 600,
    env: baseEnv({ PATH: `${recorder.binDir}:${process.env.PATH}` }), log,
  });
  assert.equal(recorder.calls(), [[
    project.notebookPath, out, '--cwd', project.dir, '--log-output', '--no-progress-bar',
    '-r', 'version', 'v1.0', '-r', 'model_name', 'tiny', '-p', 'payload', 'hello', '-p', 'sleep_seconds', '0',
    '--execution-timeout', '600',
  ]]);
  assert.match(stream.text, 'with papermill');
  assert.match(stream.text, /notebook: cell 5 of 6/);
});

test('a papermill failure is read from the notebook papermill wrote', async () => {
  const project = createModelProject();
  const recorder = createPapermillRecorder();
  const out = path.join(project.dir, 'tiny.executed.ipynb');
  try {
    await executeNotebook({
      notebookPath: project.notebookPath, outputNotebook: out, runner: 'papermill', parameters,
      env: baseEnv({ PATH: `${recorder.binDir}:${process.env.PATH}`, RECORDER_FAIL: '1' }), log: logger().log,
    });
    assert.unreachable('papermill exited 1');
  } catch (error) {
    assert.is((error as ReleaseError).exitCode, 3);
    assert.match((error as ReleaseError).message, 'Notebook cell 4 of 5 (`if fail:`) raised ValueError: training diverged');
  }
});

test('a missing runner is a clear usage error', async () => {
  const project = createModelProject();
  try {
    await executeNotebook({
      notebookPath: project.notebookPath, outputNotebook: '/tmp/x.ipynb', runner: 'papermill', parameters,
      env: baseEnv({ PATH: '/nonexistent' }), log: logger().log,
    });
    assert.unreachable();
  } catch (error) {
    assert.is((error as ReleaseError).code, 'ERUNNERMISSING');
    assert.is((error as ReleaseError).exitCode, 2);
  }
});

test.run();
