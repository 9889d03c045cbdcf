/**
 * Validation per MLServer line. Each expectation is a fact from MLServer's source
 * (settings.py and types/dataplane.py at 1.3.5, 1.4.0, 1.5.0, 1.6.1, 1.7.1) and
 * from pydantic's validators, as cited in src/settings/.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ReleaseError } from '../../src/errors.js';
import { MLSERVER_LINES, type MlserverLine } from '../../src/settings/mlserver-schema.js';
import { validateSettings } from '../../src/settings/validate.js';
import { accepted, problemsOf, refused } from '../helpers/settings-checks.js';

const valid = { name: 'iris', implementation: 'mlserver_sklearn.SKLearnModel', parameters: { uri: './model.joblib' } };
const PYDANTIC1: MlserverLine[] = ['1.3', '1.4', '1.5'];
const PYDANTIC2: MlserverLine[] = ['1.6', '1.7'];


test('a minimal settings file passes on every line without warnings', () => {
  for (const line of MLSERVER_LINES) {
    const { warnings, name } = validateSettings(valid, 'model-settings.json', line);
    assert.is(name, 'iris');
    assert.equal(warnings, []);
  }
});

test('unknown top-level keys: refused by 1.3 to 1.5 (pydantic 1 forbids extras), a warning from 1.6', () => {
  for (const key of ['description', '$schema', 'implementation_']) {
    for (const line of PYDANTIC1) {
      const problems = problemsOf({ ...valid, [key]: 'x' }, line);
      assert.ok(problems.some((p) => p.includes('extra fields not permitted')), `${line} ${key}: ${problems}`);
    }
    for (const line of PYDANTIC2) {
      const { warnings } = validateSettings({ ...valid, [key]: 'x' }, 'model-settings.json', line);
      assert.ok(warnings.some((w) => w.includes(`"${key}" is ignored by MLServer ${line}`)), warnings.join('\n'));
    }
  }
  assert.ok(problemsOf({ ...valid, implementation_: 'x' }, '1.3').some((p) => p.includes('the field is "implementation"')));
});

test('cache_enabled exists from 1.4', () => {
  refused({ ...valid, cache_enabled: true }, '1.3', 'cache_enabled');
  for (const line of ['1.4', '1.5', '1.6', '1.7'] as const) accepted({ ...valid, cache_enabled: true }, line);
});

test('tensor datatype: any string in 1.3, one of the 13 V2 datatypes from 1.4', () => {
  const tensor = (datatype: unknown) => ({ ...valid, inputs: [{ name: 'x', datatype: 'FP32', shape: [1] }, { name: 'y', datatype, shape: [-1] }] });
  accepted(tensor('FLOAT32'), '1.3');
  for (const line of ['1.4', '1.5', '1.6', '1.7'] as const) {
    refused(tensor('FLOAT32'), line, 'inputs[1].datatype');
    accepted(tensor('BYTES'), line);
    refused(tensor('fp32'), line, 'inputs[1].datatype');
  }
});

test('a tensor needs name, datatype and shape on every line', () => {
  for (const line of MLSERVER_LINES) {
    for (const missing of ['name', 'datatype', 'shape']) {
      const tensor: Record<string, unknown> = { name: 'x', datatype: 'FP32', shape: [1] };
      delete tensor[missing];
      refused({ ...valid, outputs: [tensor] }, line, `outputs[0].${missing}`);
    }
  }
});

test('warm_workers is a boolean on every line (never an integer count)', () => {
  for (const line of MLSERVER_LINES) {
    accepted({ ...valid, warm_workers: true }, line);
    accepted({ ...valid, warm_workers: 0 }, line); // pydantic's bool also takes 0 and 1
    refused({ ...valid, warm_workers: 4 }, line, 'warm_workers');
    refused({ ...valid, warm_workers: 'many' }, line, 'warm_workers');
  }
});

test('objects and strings that must be so: extra, format, content_type, platform, tensor parameters', () => {
  for (const line of MLSERVER_LINES) {
    refused({ ...valid, parameters: { uri: './m.joblib', extra: 'x' } }, line, 'parameters.extra');
    refused({ ...valid, parameters: { uri: './m.joblib', format: { a: 1 } } }, line, 'parameters.format');
    refused({ ...valid, parameters: { uri: './m.joblib', content_type: ['np'] } }, line, 'parameters.content_type');
    refused({ ...valid, platform: { name: 'sklearn' } }, line, 'platform');
    refused({ ...valid, inputs: [{ name: 'x', datatype: 'BYTES', shape: [1], parameters: 'np' }] }, line, 'inputs[0].parameters');
    accepted({ ...valid, parameters: { uri: './m.joblib', anything: { nested: true } } }, line); // ModelParameters allows extras
  }
});

test('pydantic 1 turns numbers into strings; pydantic 2 does not', () => {
  for (const line of PYDANTIC1) {
    const { name } = validateSettings({ ...valid, name: 42 }, 'model-settings.json', line);
    assert.is(name, '42');
    accepted({ ...valid, parameters: { uri: './m.joblib', version: 3 } }, line);
    accepted({ ...valid, platform: 1 }, line);
  }
  for (const line of PYDANTIC2) {
    refused({ ...valid, name: 42 }, line, 'name');
    refused({ ...valid, parameters: { uri: './m.joblib', version: 3 } }, line, 'parameters.version');
  }
});

test('integers and floats keep their coercions per line', () => {
  for (const line of PYDANTIC1) accepted({ ...valid, max_batch_size: 2.5, parallel_workers: '3' }, line); // int(2.5) truncates
  for (const line of PYDANTIC2) {
    refused({ ...valid, max_batch_size: 2.5 }, line, 'max_batch_size');
    accepted({ ...valid, max_batch_size: 2.0, parallel_workers: '3' }, line);
  }
  for (const line of MLSERVER_LINES) {
    accepted({ ...valid, max_batch_time: '0.5', parallel_workers: null }, line);
    refused({ ...valid, max_batch_time: 'soon' }, line, 'max_batch_time');
    refused({ ...valid, max_batch_size: 'two' }, line, 'max_batch_size');
  }
});

test('fields added later are unknown before: environment_path (1.6), inference_pool_gid (1.7) are extras in parameters', () => {
  // ModelParameters allows extra keys, so older lines accept them as extras; the typed lines check them.
  accepted({ ...valid, parameters: { uri: './m.joblib', environment_path: 1 } }, '1.3');
  refused({ ...valid, parameters: { uri: './m.joblib', environment_path: 1 } }, '1.6', 'parameters.environment_path');
  refused({ ...valid, parameters: { uri: './m.joblib', inference_pool_gid: [] } }, '1.7', 'parameters.inference_pool_gid');
  accepted({ ...valid, parameters: { uri: './m.joblib', inference_pool_gid: [] } }, '1.6');
});

test('every problem is reported at once, each with its JSON path', () => {
  const problems = problemsOf({
    implementation: 'not a path',
    parameters: { uri: '../outside.joblib' },
    inputs: [{ name: 'x', datatype: 'FLOAT32', shape: [1] }],
    outputs: [{ name: 'y', datatype: 'FP32', shape: ['a'] }],
  }, '1.7');
  assert.ok(problems.length >= 5, problems.join('\n'));
  for (const path of ['implementation', 'name', 'parameters.uri', 'inputs[0].datatype', 'outputs[0].shape[0]']) {
    assert.ok(problems.some((p) => p.startsWith(`${path}:`)), `${path} missing in ${problems.join('\n')}`);
  }
});

test('implementation is required on every line', () => {
  for (const line of MLSERVER_LINES) refused({ name: 'iris' }, line, 'implementation');
});

test('a non-object is refused', () => {
  assert.throws(() => validateSettings([1, 2], 'f.json', '1.7'), (e: ReleaseError) => e.code === 'ESETTINGSINVALID');
});

test.run();
