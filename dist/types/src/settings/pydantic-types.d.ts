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
export declare const PYDANTIC: Record<PydanticMajor, PydanticTypes>;
