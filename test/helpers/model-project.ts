/**
 * A tiny model project for tests: a notebook that only needs the Python standard
 * library (so the real kernel starts fast), its model-settings.json, and a
 * recording stand-in for papermill, which Debian does not package.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './fs.js';

function code(source: string, tags?: string[]) {
  return { cell_type: 'code', execution_count: null, metadata: tags ? { tags } : {}, outputs: [], source };
}

export function tinyNotebook() {
  return {
    cells: [
      { cell_type: 'markdown', metadata: {}, source: '# tiny model' },
      code('version = "dev"\nmodel_name = "tiny"\npayload = "weights"\nfail = False\nsleep_seconds = 0', ['parameters']),
      code('import time\ntime.sleep(sleep_seconds)'),
      code('if fail:\n    raise ValueError("training diverged")'),
      code('with open("model.txt", "w") as f:\n    f.write(f"{model_name} {version} {payload} {type(sleep_seconds).__name__}")'),
    ],
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 4,
  };
}

export interface ModelProject {
  dir: string;
  settingsPath: string;
  notebookPath: string;
}

export function createModelProject(settings: Record<string, unknown> = {}, name = 'tiny'): ModelProject {
  const dir = tempDir('mlsr-model-');
  const settingsPath = path.join(dir, 'model-settings.json');
  writeFileSync(
    settingsPath,
    JSON.stringify({ name, implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.txt', version: '$VERSAO' }, ...settings }, null, 2),
  );
  const notebookPath = path.join(dir, `${name}.ipynb`);
  writeFileSync(notebookPath, JSON.stringify(tinyNotebook(), null, 1));
  return { dir, settingsPath, notebookPath };
}

/** Writes the artifact the notebook would have produced, for `--runner none` tests. */
export function writeArtifact(project: ModelProject, content = 'trained weights'): void {
  writeFileSync(path.join(project.dir, 'model.txt'), content);
}

export interface PapermillRecorder {
  binDir: string;
  recordFile: string;
  calls(): string[][];
}

/**
 * A stand-in `papermill` executable: it records its argv, logs progress the way
 * `papermill --log-output` does, copies the notebook and writes model.txt, or,
 * with RECORDER_FAIL=1, writes an executed notebook holding a cell error and
 * exits 1 as papermill does.
 */
export function createPapermillRecorder(): PapermillRecorder {
  const binDir = tempDir('mlsr-bin-');
  const recordFile = path.join(binDir, 'calls.jsonl');
  const script = `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(recordFile)}, JSON.stringify(args) + '\\n');
const [input, output] = args;
const nb = JSON.parse(fs.readFileSync(input, 'utf8'));
nb.cells.forEach((_, i) => process.stderr.write('Executing Cell ' + (i + 1) + '---------------------------------------\\n'));
if (process.env.RECORDER_FAIL === '1') {
  const cell = nb.cells.find((c) => c.cell_type === 'code' && String(c.source).includes('raise'));
  cell.outputs = [{ output_type: 'error', ename: 'ValueError', evalue: 'training diverged', traceback: [] }];
  fs.writeFileSync(output, JSON.stringify(nb));
  process.stderr.write('papermill.exceptions.PapermillExecutionError: ValueError: training diverged\\n');
  process.exit(1);
}
fs.writeFileSync(output, JSON.stringify(nb));
const cwd = args[args.indexOf('--cwd') + 1];
fs.writeFileSync(require('node:path').join(cwd, 'model.txt'), 'papermill-made');
`;
  // The recorder is CommonJS; keep it out of the project's "type": "module".
  writeFileSync(path.join(binDir, 'package.json'), '{"type":"commonjs"}');
  writeFileSync(path.join(binDir, 'papermill'), script);
  chmodSync(path.join(binDir, 'papermill'), 0o755);
  mkdirSync(binDir, { recursive: true });
  return {
    binDir,
    recordFile,
    calls: () => {
      try {
        return readFileSync(recordFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
      } catch {
        return [];
      }
    },
  };
}

/**
 * A model project whose notebook reports metrics the documented ways: a cell
 * tagged `metrics` whose last value is a dict (shown as a Python dict literal),
 * optionally a metrics.json file, and a cell tagged `report` that draws a real
 * PNG with matplotlib. `accuracy` is a notebook parameter, so --param changes it.
 */
export function createMetricsProject(options: { jsonDisplay?: boolean; metricsFile?: boolean } = {}): ModelProject {
  const project = createModelProject();
  const notebook = tinyNotebook();
  notebook.cells[1].source += '\naccuracy = 0.9';
  notebook.cells.push(code(options.jsonDisplay
    ? 'from IPython.display import JSON, display\ndisplay(JSON({"accuracy": accuracy, "f1_macro": 0.8, "details": {"n": 10}}))'
    : '{"accuracy": accuracy, "f1_macro": 0.8, "details": {"n": 10}, "ok": True}', ['metrics']));
  if (options.metricsFile) notebook.cells.push(code('import json\njson.dump({"loss": 0.25, "eval": {"auc": 0.77}}, open("metrics.json", "w"))'));
  notebook.cells.push(code('%matplotlib inline\nimport matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(2, 2))\nax.plot([0, 1], [0, accuracy])\nfrom IPython.display import display\ndisplay(fig)\nplt.close(fig)', ['report']));
  writeFileSync(project.notebookPath, JSON.stringify(notebook));
  return project;
}
