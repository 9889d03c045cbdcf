/**
 * The field types ModelSettings uses, as each pydantic major version validates
 * them when MLServer loads model-settings.json with `json.load` and then
 * `parse_obj` (pydantic 1) or `model_validate` (pydantic 2): Python input in lax
 * mode, so a JSON value is judged as the Python value json.load makes of it.
 *
 * Sources:
 * - pydantic 1.10 `pydantic/validators.py`: str_validator (str, and int/float/
 *   Decimal via str(); bool is an int), int_validator (int(v): truncates floats,
 *   parses numeric strings), float_validator (float(v)), bool_validator (the
 *   BOOL_TRUE/BOOL_FALSE sets), dict_validator (dict(v), so a list of pairs passes).
 * - pydantic 2 "Conversion Table" (docs/concepts/conversion_table.md), Python lax
 *   mode: str accepts only str; int accepts bool, integral floats and numeric
 *   strings; float accepts int, bool and numeric strings; dict accepts only mappings.
 * - NaN, Infinity and -Infinity (which json.load reads, see read.ts): a float takes
 *   them in both majors (pydantic 1 float(v); pydantic 2 `allow_inf_nan` defaults to
 *   true), pydantic 1's str turns them into "nan", "inf", "-inf", and an int or a
 *   bool refuses them (int(nan) raises; pydantic-core's float_as_int wants a finite
 *   number). Checked with pydantic 1.10.4.
 * - A bool string is matched as it is, never trimmed: pydantic 1.10 bool_validator
 *   only lower-cases it, pydantic-core 2.18 `str_as_bool` (src/input/shared.rs)
 *   compares it whole; so " true" is refused by both.
 */
import { z } from 'zod';

export type PydanticMajor = 1 | 2;

export interface PydanticTypes {
  str: z.ZodType;
  int: z.ZodType;
  float: z.ZodType;
  bool: z.ZodType;
  dict: z.ZodType;
}

/** A value of a given type, with the words an error uses for what was expected. */
function accepting(expects: string, accept: (value: unknown) => boolean): z.ZodType {
  return z.custom<unknown>((value) => value !== undefined && accept(value), { error: `expected ${expects}` });
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Any number json.load can produce, NaN and the infinities included. */
const isAnyNumber = (v: unknown): v is number => typeof v === 'number';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

// Python's int() and float() on a string: surrounding whitespace and "_" between digits are allowed.
const PY_INT_TEXT = /^\s*[+-]?\d+(_\d+)*\s*$/;
const PY_FLOAT_TEXT = /^\s*[+-]?((\d+(_\d+)*)?\.?\d+(_\d+)*([eE][+-]?\d+)?|\d+\.|inf(inity)?|nan)\s*$/i;
const BOOL_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no', '1', 'on', 't', 'true', 'y', 'yes']);
const isBoolLike = (v: unknown) =>
  isBool(v) || v === 0 || v === 1 || (isString(v) && BOOL_WORDS.has(v.toLowerCase()));

export const PYDANTIC: Record<PydanticMajor, PydanticTypes> = {
  1: {
    str: accepting('a string (pydantic 1 also turns a number into one)', (v) => isString(v) || isAnyNumber(v) || isBool(v)),
    int: accepting('an integer (pydantic 1 also takes a number, which it truncates, or a numeric string)',
      (v) => isNumber(v) || isBool(v) || (isString(v) && PY_INT_TEXT.test(v))),
    float: accepting('a number (or a numeric string)', (v) => isAnyNumber(v) || isBool(v) || (isString(v) && PY_FLOAT_TEXT.test(v))),
    bool: accepting('a boolean (true/false; pydantic 1 also takes 0, 1, "yes", "no", "on", "off")', isBoolLike),
    dict: accepting('an object (pydantic 1 also takes a list of [key, value] pairs)',
      (v) => isObject(v) || (Array.isArray(v) && v.every((pair) => (Array.isArray(pair) || isString(pair)) && pair.length === 2))),
  },
  2: {
    str: accepting('a string (pydantic 2 does not turn numbers into strings)', isString),
    int: accepting('an integer (pydantic 2 also takes an integral number or a numeric string, never a fraction)',
      (v) => (isNumber(v) && Number.isInteger(v)) || isBool(v) || (isString(v) && PY_INT_TEXT.test(v))),
    float: accepting('a number (or a numeric string)', (v) => isAnyNumber(v) || isBool(v) || (isString(v) && PY_FLOAT_TEXT.test(v))),
    bool: accepting('a boolean (true/false; pydantic 2 also takes 0, 1, "yes", "no", "on", "off")', isBoolLike),
    dict: accepting('an object', isObject),
  },
};
