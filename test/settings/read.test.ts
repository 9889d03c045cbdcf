import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ReleaseError } from '../../src/errors.js';
import { MAX_SETTINGS_DEPTH, parseSettingsText } from '../../src/settings/read.js';

function parseError(text: string): ReleaseError {
  try {
    parseSettingsText(text, '/p/model-settings.json');
  } catch (error) {
    assert.instance(error, ReleaseError);
    return error as ReleaseError;
  }
  throw new Error('expected a parse error');
}

test('syntax errors name the file, the line and the column, with the position for annotations', () => {
  const error = parseError('{\n  "name": "iris",\n  "implementation" "x"\n}');
  assert.is(error.code, 'ESETTINGSPARSE');
  assert.match(error.message, '/p/model-settings.json is not valid JSON at line 3, column 20: colon expected');
  assert.equal(error.position, { line: 3, column: 20 });
  assert.not.match(error.message, /\(line \d+ column/); // no second, V8-worded position
});

test('comments and trailing commas are not JSON, as Python\'s json.load says', () => {
  assert.match(parseError('{\n  // note\n  "name": "x"\n}').message, 'line 2');
  assert.match(parseError('{"name": "x",}').message, /line 1, column 14/);
});

test('deep nesting is refused with exit 2 before anything recurses', () => {
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  const error = parseError(`{"name": "x", "implementation": "a.B", "parameters": {"extra": {"x": ${deep}}}}`);
  assert.is(error.code, 'ESETTINGSINVALID');
  assert.is(error.exitCode, 2);
  assert.match(error.message, `at most ${MAX_SETTINGS_DEPTH}`);
  assert.is(parseError('['.repeat(10_000)).exitCode, 2);
});

test.run();
