import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderSettings, type ModelSettings } from '../../src/settings/render.js';

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
