/**
 * MLServer's ModelSettings as each supported release line parses it. One schema,
 * built from a small table of what changed between lines, so the differences read
 * as a diff of LINES below. Everything here is a fact from MLServer's source,
 * `mlserver/settings.py` and `mlserver/types/dataplane.py` at tags 1.3.5, 1.4.0,
 * 1.5.0, 1.6.1 and 1.7.1; the project's own rules live in policy.ts, not here.
 */
import { z } from 'zod';
import { PYDANTIC, type PydanticMajor } from './pydantic-types.js';

export const MLSERVER_LINES = ['1.3', '1.4', '1.5', '1.6', '1.7'] as const;
export type MlserverLine = (typeof MLSERVER_LINES)[number];
export const DEFAULT_MLSERVER_LINE: MlserverLine = '1.7';

/** The V2 tensor datatypes, `mlserver.types.Datatype` (an enum from 1.4). */
export const DATATYPES = [
  'BOOL', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'INT8', 'INT16', 'INT32', 'INT64', 'FP16', 'FP32', 'FP64', 'BYTES',
] as const;

export interface LineRules {
  /** 1.3-1.5 pin pydantic 1; 1.6 moved to pydantic 2. */
  pydantic: PydanticMajor;
  /**
   * pydantic 1's BaseSettings defaults to `extra = forbid`, so 1.3-1.5 refuse an
   * unknown top-level key ("extra fields not permitted") and skip the model;
   * 1.6+ sets `extra="ignore"`.
   */
  unknownTopLevelKeys: 'refused' | 'ignored';
  /** MetadataTensor.datatype: `str` in 1.3, `Datatype` from 1.4. */
  tensorDatatype: 'any string' | 'enum';
  /** ModelSettings.cache_enabled, added in 1.4. */
  cacheEnabled: boolean;
  /** ModelParameters.environment_path, added in 1.6. */
  environmentPath: boolean;
  /** ModelParameters.inference_pool_gid and autogenerate_inference_pool_gid, added in 1.7. */
  inferencePoolGid: boolean;
  /**
   * File names a runtime looks for in the model folder when `parameters.uri` is
   * omitted (MLServer then passes the folder, repository/load.py, and
   * mlserver/utils.py `get_model_uri` returns the first of these that is a file).
   * Each list is the runtime's WELLKNOWN_MODEL_FILENAMES at every tag of the line.
   */
  wellKnownModelFiles: Record<string, readonly string[]>;
}

// runtimes/sklearn/mlserver_sklearn/sklearn.py, identical at 1.3.0 to 1.7.1.
const SKLEARN_FILES = ['model.joblib', 'model.pickle', 'model.pkl'];
// runtimes/lightgbm/mlserver_lightgbm/lightgbm.py, identical at 1.3.0 to 1.7.1.
const LIGHTGBM_FILES = ['model.bst'];
// runtimes/xgboost/mlserver_xgboost/xgboost.py: ["model.bst", "model.json"] at 1.3.0 to 1.3.2,
// "model.ubj" added at 1.3.3 and kept to 1.7.1; the 1.3 line takes only what all its tags find.
const XGBOOST_FILES_1_3 = ['model.bst', 'model.json'];
const XGBOOST_FILES = ['model.bst', 'model.json', 'model.ubj'];
// runtimes/catboost/mlserver_catboost/catboost.py, new in 1.4.0, identical to 1.7.1.
const CATBOOST_FILES = ['model.cbm', 'model.bin'];

/**
 * Keys pydantic 1's BaseSettings.__init__ takes as options, not as fields
 * (pydantic 1.10 env_settings.py), so `ModelSettings.parse_obj` (which calls
 * `cls(**obj)`) on 1.3-1.5 consumes them instead of refusing them as extras. Any
 * other `_`-prefixed key is an extra field and refused ("extra fields not
 * permitted": validate_model in pydantic 1.10 main.py skips no underscore names;
 * checked with pydantic 1.10.4). pydantic 2's model_validate (1.6+) ignores them as
 * it ignores every unknown key.
 */
export const PYDANTIC1_SETTINGS_OPTIONS = ['_env_file', '_env_file_encoding', '_env_nested_delimiter', '_secrets_dir'] as const;

const LINE_1_3: LineRules = {
  pydantic: 1, unknownTopLevelKeys: 'refused', tensorDatatype: 'any string', cacheEnabled: false, environmentPath: false, inferencePoolGid: false,
  wellKnownModelFiles: { mlserver_sklearn: SKLEARN_FILES, mlserver_xgboost: XGBOOST_FILES_1_3, mlserver_lightgbm: LIGHTGBM_FILES },
};
const LINE_1_4: LineRules = {
  ...LINE_1_3, tensorDatatype: 'enum', cacheEnabled: true,
  wellKnownModelFiles: { mlserver_sklearn: SKLEARN_FILES, mlserver_xgboost: XGBOOST_FILES, mlserver_lightgbm: LIGHTGBM_FILES, mlserver_catboost: CATBOOST_FILES },
};
const LINE_1_6: LineRules = { ...LINE_1_4, pydantic: 2, unknownTopLevelKeys: 'ignored', environmentPath: true };

export const LINES: Record<MlserverLine, LineRules> = {
  '1.3': LINE_1_3,
  '1.4': LINE_1_4,
  '1.5': LINE_1_4,
  '1.6': LINE_1_6,
  '1.7': { ...LINE_1_6, inferencePoolGid: true },
};

export function isMlserverLine(value: string): value is MlserverLine {
  return (MLSERVER_LINES as readonly string[]).includes(value);
}

/** "1.3.2", "1.7.0rc1" or "1.5" -> its line, or undefined when we do not support it. */
export function lineOfVersion(version: string): MlserverLine | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version.trim());
  const line = match ? `${Number(match[1])}.${Number(match[2])}` : '';
  return isMlserverLine(line) ? line : undefined;
}

const schemas = new Map<MlserverLine, z.ZodType>();

/** ModelSettings for one line, as a zod schema whose issues carry JSON paths. */
export function modelSettingsSchema(line: MlserverLine): z.ZodType {
  const cached = schemas.get(line);
  if (cached) return cached;
  const rules = LINES[line];
  const t = PYDANTIC[rules.pydantic];

  // mlserver.types.Parameters: extra keys allowed.
  const tensorParameters = z.looseObject({
    content_type: t.str.nullable().optional(),
    headers: t.dict.nullable().optional(),
  });
  // mlserver.types.MetadataTensor: a plain BaseModel, so unknown keys are ignored in both pydantic lines.
  const tensor = z.object({
    name: t.str,
    datatype: rules.tensorDatatype === 'enum' ? z.enum(DATATYPES, { error: `expected one of ${DATATYPES.join(', ')}` }) : t.str,
    shape: z.array(t.int, { error: 'expected a list of integers' }),
    parameters: tensorParameters.nullable().optional(),
  }, { error: 'expected an object {name, datatype, shape}' });

  // mlserver.settings.ModelParameters: `extra = allow` in every line.
  const parameterFields = z.looseObject({
    uri: t.str.nullable().optional(),
    version: t.str.nullable().optional(),
    environment_tarball: t.str.nullable().optional(),
    ...(rules.environmentPath ? { environment_path: t.str.nullable().optional() } : {}),
    ...(rules.inferencePoolGid
      ? { inference_pool_gid: t.str.nullable().optional(), autogenerate_inference_pool_gid: t.bool.optional() }
      : {}),
    format: t.str.nullable().optional(),
    content_type: t.str.nullable().optional(),
    extra: t.dict.nullable().optional(),
  }, { error: 'expected an object' });
  // pydantic 1 validates a model field from a non-dict with `dict(value)` (BaseModel.validate in
  // pydantic 1.10 main.py), so `[]` and a list of [key, value] pairs are parameters; pydantic 2 wants a mapping.
  const parameters = rules.pydantic === 1 ? z.preprocess((v) => pairsAsObject(v) ?? v, parameterFields) : parameterFields;

  const fields = {
    implementation: t.str,
    name: t.str.optional(),
    platform: t.str.optional(),
    versions: z.array(t.str, { error: 'expected a list of strings' }).optional(),
    inputs: z.array(tensor, { error: 'expected a list of tensors {name, datatype, shape}' }).optional(),
    outputs: z.array(tensor, { error: 'expected a list of tensors {name, datatype, shape}' }).optional(),
    parallel_workers: t.int.nullable().optional(),
    warm_workers: t.bool.optional(),
    max_batch_size: t.int.optional(),
    max_batch_time: t.float.optional(),
    parameters: parameters.nullable().optional(),
    ...(rules.cacheEnabled ? { cache_enabled: t.bool.optional() } : {}),
    // ModelSettings.parse_file sets `_source` to the file's path, overwriting any in the file, and
    // parse_obj / model_validate pop it before validation (mlserver/settings.py, 1.3.2 to 1.7.1).
    _source: z.unknown().optional(),
    ...(rules.pydantic === 1 ? pydantic1SettingsOptions() : {}),
  };
  const schema = rules.unknownTopLevelKeys === 'refused'
    ? z.strictObject(fields, { error: 'expected a JSON object' })
    : z.object(fields, { error: 'expected a JSON object' });
  schemas.set(line, schema);
  return schema;
}

/** `dict(value)` of a list, as pydantic 1 does for a model field; undefined when dict() would fail. */
export function pairsAsObject(value: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(value)) return undefined;
  const entries: Array<[string, unknown]> = [];
  for (const pair of value) {
    // dict() takes any pair; `cls(**d)` then needs string keys ("keywords must be strings").
    if (typeof pair === 'string' && [...pair].length === 2) entries.push([[...pair][0], [...pair][1]]);
    else if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string') entries.push([pair[0], pair[1]]);
    else return undefined;
  }
  return Object.fromEntries(entries);
}

/** BaseSettings' keyword options on pydantic 1: a path or encoding string, or null for the default. */
function pydantic1SettingsOptions(): Record<string, z.ZodType> {
  const text = z.string({ error: 'expected a string (pydantic 1 BaseSettings takes it as an option, not a field)' }).nullable().optional();
  return {
    _env_file: z.union([z.string(), z.array(z.string())], { error: 'expected a path or a list of paths (pydantic 1 BaseSettings reads it as .env files)' }).nullable().optional(),
    _env_file_encoding: text,
    _env_nested_delimiter: text,
    _secrets_dir: text,
  };
}

/** Top-level keys this line knows; the rest are refused (1.3-1.5) or ignored (1.6+). */
export function knownTopLevelKeys(line: MlserverLine): string[] {
  const shape = (modelSettingsSchema(line) as unknown as { shape: Record<string, unknown> }).shape;
  return Object.keys(shape);
}
