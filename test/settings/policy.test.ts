/** The project's own rules, stricter than MLServer on purpose (src/settings/policy.ts). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ReleaseError } from '../../src/errors.js';
import { validateSettings } from '../../src/settings/validate.js';

const valid = { name: 'iris', implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.joblib' } };

function problemsOf(value: unknown): string[] {
  try {
    validateSettings(value, 'model-settings.json', '1.7');
  } catch (error) {
    assert.instance(error, ReleaseError);
    return (error as ReleaseError).details;
  }
  return [];
}

test('model names with unsafe characters are refused', () => {
  for (const name of ['', 'a/b', 'a..b', 'has space', 'x'.repeat(101), '.hidden']) {
    assert.ok(problemsOf({ ...valid, name }).length > 0, `name ${JSON.stringify(name)} should be refused`);
  }
  assert.ok(problemsOf({ implementation: valid.implementation, parameters: valid.parameters })[0].startsWith('name: required by mlserver-release'));
});

test('uri: absolute, URL, "..", the folder itself and the tool\'s own files are refused', () => {
  const cases: Record<string, string> = {
    '/abs/model.joblib': 'absolute',
    's3://bucket/model': 'URL',
    '../x.joblib': '".."',
    '.': 'model folder itself',
    '': 'model folder itself',
    './': 'model folder itself',
    'model-settings.json': 'collides',
    './release.json': 'collides',
    '.git/objects': '.git',
  };
  for (const [uri, words] of Object.entries(cases)) {
    const problems = problemsOf({ ...valid, parameters: { uri } });
    assert.ok(problems.some((p) => p.startsWith('parameters.uri:') && p.includes(words)), `${uri}: ${problems.join('\n')}`);
  }
});

test('MLServer\'s abstract MLModel is refused: it loads, then fails every inference', () => {
  for (const implementation of ['mlserver.MLModel', 'mlserver.model.MLModel']) {
    assert.ok(problemsOf({ ...valid, implementation }).some((p) => p.includes('abstract base class')));
  }
});

test('runtimes that load a file need parameters.uri, unless they find a well-known file name; others only get a warning', () => {
  for (const runtime of ['mlserver_mlflow', 'mlserver_onnx']) {
    const problems = problemsOf({ name: 'iris', implementation: `${runtime}.Model` });
    assert.ok(problems.some((p) => p.startsWith('parameters.uri: required for')), `${runtime}: ${problems}`);
  }
  for (const runtime of ['mlserver_sklearn', 'mlserver_xgboost', 'mlserver_lightgbm', 'mlserver_catboost']) {
    assert.equal(problemsOf({ name: 'iris', implementation: `${runtime}.Model` }), [], runtime);
  }
  const { warnings } = validateSettings({ name: 'iris', implementation: 'custom_runtime.MyModel' }, 'model-settings.json', '1.7');
  assert.ok(warnings.some((w) => w.includes('parameters.uri is not set')));
});

test.run();
