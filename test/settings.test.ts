import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ReleaseError } from '../src/errors.js';
import { parseSettingsText, renderSettings, validateSettings, type ModelSettings } from '../src/settings.js';

const valid = { name: 'iris', implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.joblib' } };

function problemsOf(value: unknown): string[] {
  try {
    validateSettings(value, 'model-settings.json');
  } catch (error) {
    assert.instance(error, ReleaseError);
    assert.is((error as ReleaseError).exitCode, 2);
    return (error as ReleaseError).details;
  }
  return [];
}

test('accepts a minimal valid settings object without warnings', () => {
  const { settings, warnings } = validateSettings(valid, 'model-settings.json');
  assert.is(settings.name, 'iris');
  assert.equal(warnings, []);
});

test('parse errors name the file, line and column', () => {
  try {
    parseSettingsText('{\n  "name": "iris",\n  "implementation" "x"\n}', '/p/model-settings.json');
    assert.unreachable('should have thrown');
  } catch (error) {
    const e = error as ReleaseError;
    assert.is(e.code, 'ESETTINGSPARSE');
    assert.match(e.message, '/p/model-settings.json');
    assert.match(e.message, /line 3, column \d+/);
  }
});

test('reports every problem at once, not only the first', () => {
  const problems = problemsOf({
    implementation: 'not a path',
    parameters: { uri: '../outside.joblib' },
    inputs: [{ name: 'x', datatype: 'FLOAT32', shape: [1] }],
    outputs: [{ name: 'y', datatype: 'FP32', shape: ['a'] }],
  });
  assert.is(problems.length, 5, problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('"implementation" must be a dotted Python import path')));
  assert.ok(problems.some((p) => p.includes('"name" is required')));
  assert.ok(problems.some((p) => p.includes('leaves the model folder')));
  assert.ok(problems.some((p) => p.includes('"inputs[0]".datatype "FLOAT32" is not one of')));
  assert.ok(problems.some((p) => p.includes('"outputs[0]".shape must be a list of integers')));
});

test('implementation is required', () => {
  assert.ok(problemsOf({ name: 'iris' }).some((p) => p.startsWith('"implementation" is required')));
});

test('absolute and URL uris are refused', () => {
  assert.ok(problemsOf({ ...valid, parameters: { uri: '/abs/model.joblib' } })[0].includes('absolute'));
  assert.ok(problemsOf({ ...valid, parameters: { uri: 's3://bucket/model' } })[0].includes('URL'));
});

test('model names with unsafe characters are refused', () => {
  for (const name of ['', 'a/b', 'a..b', 'has space', 'x'.repeat(101), '.hidden']) {
    assert.ok(problemsOf({ ...valid, name }).length > 0, `name ${JSON.stringify(name)} should be refused`);
  }
});

test('unknown top-level keys only warn, since MLServer drops them silently', () => {
  const { warnings } = validateSettings({ ...valid, paramters: {} }, 'model-settings.json');
  assert.is(warnings.length, 1);
  assert.match(warnings[0], 'unknown top-level key "paramters"');
});

test('a non-object is refused', () => {
  assert.throws(() => validateSettings([1, 2], 'f.json'), (e: ReleaseError) => e.code === 'ESETTINGSINVALID');
});

test('rendering sets parameters.version and replaces every placeholder spelling', () => {
  const source = {
    name: 'iris',
    implementation: 'mlserver_sklearn.SKLearnModel',
    parameters: { uri: './m-$VERSION.joblib', version: '$VERSAO', extra: { tag: 'build ${VERSION}', list: ['$VERSAO', 3] } },
  } as unknown as ModelSettings;
  const before = JSON.stringify(source);
  const rendered = renderSettings(source, 'v1.2.0');
  assert.equal(rendered.parameters, {
    uri: './m-v1.2.0.joblib',
    version: 'v1.2.0',
    extra: { tag: 'build v1.2.0', list: ['v1.2.0', 3] },
  });
  assert.is(JSON.stringify(source), before, 'the input object is not modified');
});

test('rendering adds parameters when the seed had none', () => {
  const rendered = renderSettings({ name: 'iris', implementation: 'a.B' }, '7');
  assert.equal(rendered.parameters, { version: '7' });
});

test.run();
