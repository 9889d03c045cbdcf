/**
 * Reading model-settings.json. MLServer reads it with Python's `json.load`, so the
 * file must be strict JSON: no comments, no trailing commas. Syntax errors are
 * located by jsonc-parser (Microsoft's, used by VS Code), not by reading V8's
 * message, whose wording changes between Node versions.
 */
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
  try {
    value = JSON.parse(text);
  } catch {
    const { reason, position } = locateSyntaxError(text);
    const where = position ? ` at line ${position.line}, column ${position.column}` : '';
    throw new ReleaseError('ESETTINGSPARSE', `${file} is not valid JSON${where}: ${reason}`, [], file, position);
  }
  const depth = nestingDepth(value);
  if (depth > MAX_SETTINGS_DEPTH) {
    throw new ReleaseError('ESETTINGSINVALID', `${file} nests values ${depth} levels deep (at most ${MAX_SETTINGS_DEPTH})`, [], file);
  }
  return value;
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
