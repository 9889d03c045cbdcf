import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hasTag, injectParameters, pythonLiteral, sourceText, type Notebook } from '../../src/notebook/inject.js';
import { tinyNotebook } from '../helpers/model-project.js';

const params = [
  { name: 'version', value: '1.0', raw: true },
  { name: 'epochs', value: '10', raw: false },
];

test('puts an injected-parameters cell right after the parameters cell', () => {
  const nb = injectParameters(tinyNotebook() as Notebook, params);
  const index = nb.cells.findIndex((c) => hasTag(c, 'injected-parameters'));
  assert.ok(hasTag(nb.cells[index - 1], 'parameters'));
  assert.is(sourceText(nb.cells[index]), '# Parameters\nversion = "1.0"\nepochs = 10');
});

test('without a parameters cell the injection goes first, as papermill does', () => {
  const nb = tinyNotebook() as Notebook;
  nb.cells = nb.cells.filter((c) => !hasTag(c, 'parameters'));
  const injected = injectParameters(nb, params);
  assert.ok(hasTag(injected.cells[0], 'injected-parameters'));
});

test('a second injection replaces the first instead of stacking', () => {
  const once = injectParameters(tinyNotebook() as Notebook, params);
  const twice = injectParameters(once, [{ name: 'version', value: '2', raw: true }]);
  assert.is(twice.cells.filter((c) => hasTag(c, 'injected-parameters')).length, 1);
  assert.match(sourceText(twice.cells.find((c) => hasTag(c, 'injected-parameters'))!), 'version = "2"');
});

test('values are typed the way papermill -p types them; raw values stay strings', () => {
  assert.is(pythonLiteral('42', false), '42');
  assert.is(pythonLiteral('0.5', false), '0.5');
  assert.is(pythonLiteral('True', false), 'True');
  assert.is(pythonLiteral('None', false), 'None');
  assert.is(pythonLiteral('hello "world"', false), '"hello \\"world\\""');
  assert.is(pythonLiteral('42', true), '"42"');
});

test.run();
