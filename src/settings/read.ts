/**
 * Reading model-settings.json. MLServer reads it with Python's `json.load`
 * (ModelSettings.parse_file in mlserver/settings.py, 1.3.2 to 1.7.1), so the file
 * must be JSON as Python reads it: no comments, no trailing commas, but the three
 * constants `NaN`, `Infinity` and `-Infinity` are values (CPython Lib/json/scanner.py,
 * `parse_constant`; exactly these spellings, `-Infinity` without a space, and never
 * as a key). Syntax errors are located by jsonc-parser (Microsoft's, used by VS
 * Code), not by reading V8's message, whose wording changes between Node versions.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ReleaseError } from '../errors.js';

/** Deeper than any real settings file, shallow enough that no recursive step can overflow. */
export const MAX_SETTINGS_DEPTH = 64;

export async function readSettingsFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ReleaseError('ESETTINGSMISSING', `Cannot read model settings ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`, [], file);
  }
  return parseSettingsText(text, file);
}

export interface JsonPosition {
  line: number;
  column: number;
}

export function parseSettingsText(text: string, file: string): unknown {
  let value: unknown;
  const constants = withPythonConstants(text);
  try {
    value = JSON.parse(constants.json);
  } catch {
    const { reason, position } = locateSyntaxError(constants.located);
    const where = position ? ` at line ${position.line}, column ${position.column}` : '';
    throw new ReleaseError('ESETTINGSPARSE', `${file} is not valid JSON${where}: ${reason}`, [], file, position);
  }
  const depth = nestingDepth(value);
  if (depth > MAX_SETTINGS_DEPTH) {
    throw new ReleaseError('ESETTINGSINVALID', `${file} nests values ${depth} levels deep (at most ${MAX_SETTINGS_DEPTH})`, [], file);
  }
  if (constants.marker === undefined) return value;
  const restored = restoreConstants(value, constants.marker);
  if (restored.badKey) {
    const offset = text.search(/(?<![\w"])(-Infinity|Infinity|NaN)\s*:/);
    const position = offset >= 0 ? positionAt(text, offset) : undefined;
    const where = position ? ` at line ${position.line}, column ${position.column}` : '';
    throw new ReleaseError('ESETTINGSPARSE', `${file} is not valid JSON${where}: property name expected (NaN and Infinity are values, never keys)`, [], file, position);
  }
  return restored.value;
}

const CONSTANTS: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

interface ConstantText {
  /** The text with each constant as a marked string, for JSON.parse. */
  json: string;
  /** The text with each constant as a number of the same length, so syntax errors keep their positions. */
  located: string;
  /** The marker, when the text holds a constant. */
  marker?: string;
}

/**
 * Python's json reads NaN, Infinity and -Infinity where a value stands. JSON.parse
 * does not, so each one outside a string becomes a string holding a marker that
 * no string can spell, and restoreConstants turns it back into the number. One
 * where a value cannot stand (`1NaN`, `NaN:`) still fails: JSON.parse refuses a
 * string there, and a marked key is refused by restoreConstants.
 */
function withPythonConstants(text: string): ConstantText {
  if (!/NaN|Infinity/.test(text)) return { json: text, located: text };
  // Random, so no string in the file (escapes included) can spell it.
  const marker = `\u0000${randomUUID()}:`;
  let json = '';
  let located = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      json += text.slice(i, end + 1);
      located += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const constant = ['-Infinity', 'Infinity', 'NaN'].find((c) => text.startsWith(c, i));
    if (constant) {
      json += JSON.stringify(`${marker}${constant}`);
      located += (constant.startsWith('-') ? '-0' : '0').padEnd(constant.length, ' ');
      i += constant.length;
      continue;
    }
    json += ch;
    located += ch;
    i += 1;
  }
  return { json, located, marker };
}

/** Marked strings back to numbers, without recursion (the depth is already bounded, but stay safe). */
function restoreConstants(root: unknown, marker: string): { value: unknown; badKey: boolean } {
  const restore = (v: unknown) => (typeof v === 'string' && v.startsWith(marker) ? CONSTANTS[v.slice(marker.length)] : v);
  let badKey = false;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null) continue;
    if (Array.isArray(current)) {
      current.forEach((item, index) => { current[index] = restore(item); stack.push(item); });
      continue;
    }
    const record = current as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key.startsWith(marker)) badKey = true;
      record[key] = restore(record[key]);
      stack.push(record[key]);
    }
  }
  return { value: restore(root), badKey };
}

function locateSyntaxError(text: string): { reason: string; position?: JsonPosition } {
  const errors: ParseError[] = [];
  try {
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // Pathologically deep invalid input can exhaust the parser's stack; report without a position.
    return { reason: 'the text is not JSON' };
  }
  const first = errors[0];
  if (!first) return { reason: 'the text is not JSON' };
  return { reason: describeParseError(printParseErrorCode(first.error)), position: positionAt(text, first.offset) };
}

function describeParseError(code: string): string {
  // "CommaExpected" -> "comma expected"
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words === 'invalid symbol' ? 'unexpected character (comments and trailing commas are not JSON)' : words;
}

export function positionAt(text: string, offset: number): JsonPosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** How deeply arrays and objects nest, counted without recursion. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_SETTINGS_DEPTH) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}
