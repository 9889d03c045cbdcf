/**
 * Settings that MLServer serves and that the validation used to refuse (issue 19),
 * each judged as MLServer's and pydantic's own code reads it (sources cited in
 * src/settings/). The last tests hand the same files to the stand-in `mlserver`
 * package through a real Python, whose json module is the one MLServer uses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ReleaseError } from '../../src/errors.js';
import { MLSERVER_LINES, type MlserverLine } from '../../src/settings/mlserver-schema.js';
import { parseSettingsText } from '../../src/settings/read.js';
import { serializeSettings, type ModelSettings } from '../../src/settings/render.js';
import { modelFileUri } from '../../src/settings/runtime-files.js';
import { validateSettings } from '../../src/settings/validate.js';
import { accepted, problemsOf, refused } from '../helpers/settings-checks.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { STANDIN_PACKAGE_DIR } from '../helpers/mlserver-package.js';

const sklearn = { name: 'iris', implementation: 'mlserver_sklearn.SKLearnModel' };
const valid = { ...sklearn, parameters: { uri: './model.joblib' } };
const PYDANTIC1: MlserverLine[] = ['1.3', '1.4', '1.5'];
const PYDANTIC2: MlserverLine[] = ['1.6', '1.7'];

test.after(removeTempDirs);


function modelFolder(files: string[]): string {
  const dir = tempDir('mlsr-wellknown-');
  for (const file of files) writeFileSync(path.join(dir, file), 'weights');
  return dir;
}

test('uri omitted: mlserver_sklearn finds model.joblib, model.pickle or model.pkl itself, on every line', () => {
  for (const line of MLSERVER_LINES) accepted(sklearn, line);
  for (const name of ['model.joblib', 'model.pickle', 'model.pkl']) {
    assert.is(modelFileUri(sklearn, modelFolder([name, 'notes.txt']), 'model-settings.json', '1.3'), name);
  }
  // get_model_uri takes the first name of the runtime's list that is a file.
  assert.is(modelFileUri(sklearn, modelFolder(['model.pkl', 'model.joblib']), 'model-settings.json', '1.7'), 'model.joblib');
  // An explicit uri wins, as before.
  assert.is(modelFileUri(valid, modelFolder(['model.pkl']), 'model-settings.json', '1.7'), './model.joblib');
});

test('uri omitted and no well-known file once the notebook ran: refused, naming the names', () => {
  const dir = modelFolder(['model.txt']);
  mkdirSync(path.join(dir, 'model.joblib')); // a folder of that name is not the file get_model_uri looks for
  assert.throws(() => modelFileUri(sklearn, dir, 'model-settings.json', '1.7'),
    (e: ReleaseError) => e.code === 'ERUNTIMEFILE' && e.message.includes('model.joblib, model.pickle, model.pkl'));
});

test('uri omitted: xgboost, lightgbm and catboost names per line; mlflow still needs its folder named', () => {
  const xgboost = { name: 'x', implementation: 'mlserver_xgboost.XGBoostModel' };
  assert.is(modelFileUri(xgboost, modelFolder(['model.json']), 'model-settings.json', '1.3'), 'model.json');
  assert.is(modelFileUri(xgboost, modelFolder(['model.ubj']), 'model-settings.json', '1.4'), 'model.ubj');
  // model.ubj arrived in 1.3.3: 1.3.0 to 1.3.2 would hand xgboost the folder.
  assert.throws(() => modelFileUri(xgboost, modelFolder(['model.ubj']), 'model-settings.json', '1.3'), (e: ReleaseError) => e.message.includes('model.bst, model.json'));
  assert.is(modelFileUri({ name: 'l', implementation: 'mlserver_lightgbm.LightGBMModel' }, modelFolder(['model.bst']), 'f', '1.5'), 'model.bst');
  assert.is(modelFileUri({ name: 'c', implementation: 'mlserver_catboost.CatboostModel' }, modelFolder(['model.cbm']), 'f', '1.7'), 'model.cbm');
  for (const line of MLSERVER_LINES) refused({ name: 'm', implementation: 'mlserver_mlflow.MLflowRuntime' }, line, 'parameters.uri');
  // A custom runtime without uri is still only a warning, and nothing is published for it.
  assert.is(modelFileUri({ name: 'c', implementation: 'custom_runtime.Model' }, modelFolder(['model.joblib']), 'f', '1.7'), undefined);
});

test('implementation: trailing whitespace that pydantic\'s import_string strips is accepted; leading is not', () => {
  for (const line of MLSERVER_LINES) {
    accepted({ ...valid, implementation: 'mlserver_sklearn.SKLearnModel  ' }, line);
    refused({ ...valid, implementation: ' mlserver_sklearn.SKLearnModel' }, line, 'implementation');
  }
  // pydantic 1 strips spaces only (strip(' ')); pydantic 2 strips any whitespace (strip()).
  for (const line of PYDANTIC1) refused({ ...valid, implementation: 'mlserver_sklearn.SKLearnModel\n' }, line, 'implementation');
  for (const line of PYDANTIC2) accepted({ ...valid, implementation: 'mlserver_sklearn.SKLearnModel\t\n' }, line);
  // The abstract base is still the abstract base with a space after it.
  assert.ok(problemsOf({ ...valid, implementation: 'mlserver.MLModel ' }, '1.3').some((p) => p.includes('abstract base class')));
});

test('a bool string is never trimmed: " true" is refused by both pydantic majors', () => {
  for (const line of MLSERVER_LINES) {
    refused({ ...valid, warm_workers: ' true' }, line, 'warm_workers');
    accepted({ ...valid, warm_workers: 'TRUE' }, line);
  }
});

test('_-prefixed keys: _source on every line; pydantic 1 BaseSettings options on 1.3 to 1.5; any other still refused there', () => {
  for (const line of MLSERVER_LINES) accepted({ ...valid, _source: '/elsewhere/model-settings.json' }, line);
  for (const line of PYDANTIC1) {
    const { warnings } = validateSettings({ ...valid, _env_file: null, _secrets_dir: '/run/secrets' }, 'model-settings.json', line);
    assert.ok(warnings.some((w) => w.includes('"_secrets_dir" is not a field')), warnings.join('\n'));
    refused({ ...valid, _env_file: 5 }, line, '_env_file'); // Path(5) raises in pydantic 1
    refused({ ...valid, _comment: 'x' }, line, '_comment'); // validate_model skips no underscore name
  }
  for (const line of PYDANTIC2) {
    const { warnings } = validateSettings({ ...valid, _env_file: 5 }, 'model-settings.json', line);
    assert.ok(warnings.some((w) => w.includes('"_env_file" is ignored')), warnings.join('\n'));
  }
});

test('parameters: [] and lists of pairs are parameters on pydantic 1 (dict(value)), refused on pydantic 2', () => {
  for (const line of PYDANTIC1) {
    accepted({ ...sklearn, parameters: [] }, line);
    const { settings } = validateSettings({ ...sklearn, parameters: [['uri', './model.pkl'], ['version', 'v1']] }, 'model-settings.json', line);
    assert.equal(settings.parameters, { uri: './model.pkl', version: 'v1' });
    refused({ ...sklearn, parameters: [['uri', '../x.pkl']] }, line, 'parameters.uri'); // the policy sees the pairs too
    refused({ ...sklearn, parameters: [[1, 'x']] }, line, 'parameters'); // cls(**d): keywords must be strings
  }
  for (const line of PYDANTIC2) refused({ ...sklearn, parameters: [] }, line, 'parameters');
});

test('NaN, Infinity and -Infinity are read as Python\'s json reads them', () => {
  const value = parseSettingsText('{"name": "iris", "implementation": "a.B", "max_batch_time": NaN, "parameters": {"extra": {"lo": -Infinity, "hi": Infinity, "text": "NaN Infinity"}}}', 'f');
  const settings = value as { max_batch_time: number; parameters: { extra: Record<string, unknown> } };
  assert.ok(Number.isNaN(settings.max_batch_time));
  assert.equal(settings.parameters.extra, { lo: -Infinity, hi: Infinity, text: 'NaN Infinity' });
  // Only where a value stands, and only Python's spellings.
  for (const text of ['{NaN: 1}', '{"a": -NaN}', '{"a": +Infinity}', '{"a": nan}', '{"a": 1NaN}', '{"a": - Infinity}', '{"a": NaNa}']) {
    assert.throws(() => parseSettingsText(text, 'f'), (e: ReleaseError) => e.code === 'ESETTINGSPARSE', text);
  }
  const error = (() => { try { parseSettingsText('{\n  "a": NaN,\n  "b" NaN\n}', 'f'); } catch (e) { return e as ReleaseError; } })();
  assert.equal(error?.position, { line: 3, column: 7 });
});

test('NaN and the infinities pass where pydantic takes them, and only there', () => {
  for (const line of MLSERVER_LINES) {
    for (const constant of [NaN, Infinity, -Infinity]) {
      accepted({ ...valid, max_batch_time: constant }, line); // float
      accepted({ ...valid, parameters: { uri: './m.joblib', extra: { threshold: constant } } }, line);
      refused({ ...valid, max_batch_size: constant }, line, 'max_batch_size'); // int(nan) raises
      refused({ ...valid, parallel_workers: constant }, line, 'parallel_workers');
      refused({ ...valid, warm_workers: constant }, line, 'warm_workers');
      refused({ ...valid, inputs: [{ name: 'x', datatype: 'FP32', shape: [constant] }] }, line, 'inputs[0].shape[0]');
    }
  }
  // pydantic 1's str() turns them into text; pydantic 2 takes no number as a string.
  assert.is(validateSettings({ ...valid, name: Infinity }, 'f', '1.3').name, 'inf');
  for (const line of PYDANTIC2) refused({ ...valid, parameters: { uri: './m.joblib', version: NaN } }, line, 'parameters.version');
});

test('settings holding NaN are published as Python writes them, never as null', () => {
  const text = serializeSettings({ ...valid, max_batch_time: NaN, parameters: { uri: './m', extra: { a: [Infinity, -Infinity], s: 'NaN' } } } as unknown as ModelSettings);
  assert.match(text, '"max_batch_time": NaN');
  assert.match(text, /"a": \[\s*Infinity,\s*-Infinity\s*\]/);
  assert.match(text, '"s": "NaN"');
  const back = parseSettingsText(text, 'f') as { max_batch_time: number };
  assert.ok(Number.isNaN(back.max_batch_time));
});

// --- The same files through a real Python and the stand-in mlserver package ---

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const RUNTIME = `from mlserver import MLModel
from mlserver.utils import get_model_uri


class Model(MLModel):
    async def load(self):
        self.path = await get_model_uri(self.settings, wellknown_filenames=["model.joblib", "model.pickle", "model.pkl"])
        return True
`;

const LOAD = `
import asyncio, json, sys
from mlserver.repository.load import load_model_settings
settings = load_model_settings(sys.argv[1])
model = settings.implementation(settings)
asyncio.run(model.load())
print(json.dumps({"path": model.path, "batch": repr(getattr(settings, "max_batch_time", None))}))
`;

/** Loads a settings text the way MLServer's repository does; returns the model file it resolved, or the error. */
function standinLoad(text: string, version: string, files: string[] = []): { ok: boolean; out: string } {
  const dir = tempDir('mlsr-standin-');
  writeFileSync(path.join(dir, 'model-settings.json'), text);
  writeFileSync(path.join(dir, 'runtime.py'), RUNTIME);
  for (const file of files) writeFileSync(path.join(dir, file), 'weights');
  const run = spawnSync(PYTHON, ['-c', LOAD, path.join(dir, 'model-settings.json')], {
    encoding: 'utf8', env: { PATH: process.env.PATH, PYTHONPATH: STANDIN_PACKAGE_DIR, MLSERVER_STANDIN_VERSION: version, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { ok: run.status === 0, out: run.status === 0 ? run.stdout : run.stderr };
}

test('the stand-in, through Python\'s json, serves what the validation now accepts', () => {
  const cases: Array<[string, string, string[]]> = [
    ['{"name": "m", "implementation": "runtime.Model"}', '1.3.2', ['model.pickle']],
    ['{"name": "m", "implementation": "runtime.Model  ", "parameters": []}', '1.3.2', ['model.joblib']],
    ['{"name": "m", "implementation": "runtime.Model\\n", "_source": "x"}', '1.7.1', ['model.pkl']],
    ['{"name": "m", "implementation": "runtime.Model", "_env_file": null, "max_batch_time": NaN, "parameters": {"extra": {"a": -Infinity}}}', '1.5.0', ['model.joblib']],
  ];
  for (const [text, version, files] of cases) {
    const line = version.slice(0, 3) as MlserverLine;
    assert.equal(problemsOf(parseSettingsText(text, 'f'), line), [], `${line}: ${text}`);
    const result = standinLoad(text, version, files);
    assert.ok(result.ok, `${version} ${text}: ${result.out}`);
    assert.match(result.out, files[0]);
  }
});

test('the stand-in refuses what the validation still refuses', () => {
  const cases: Array<[string, string]> = [
    ['{"name": "m", "implementation": "runtime.Model\\n"}', '1.3.2'], // strip(' ') keeps the newline
    ['{"name": "m", "implementation": " runtime.Model"}', '1.7.1'], // _reload_module imports " runtime"
    ['{"name": "m", "implementation": "runtime.Model", "_comment": "x"}', '1.3.2'],
    ['{"name": "m", "implementation": "runtime.Model", "parameters": []}', '1.6.1'],
  ];
  for (const [text, version] of cases) {
    assert.ok(problemsOf(parseSettingsText(text, 'f'), version.slice(0, 3) as MlserverLine).length > 0, `${version}: ${text}`);
    assert.not.ok(standinLoad(text, version, ['model.joblib']).ok, `${version} should fail: ${text}`);
  }
});

test.run();
