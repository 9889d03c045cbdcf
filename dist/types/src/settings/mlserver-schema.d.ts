/**
 * MLServer's ModelSettings as each supported release line parses it. One schema,
 * built from a small table of what changed between lines, so the differences read
 * as a diff of LINES below. Everything here is a fact from MLServer's source,
 * `mlserver/settings.py` and `mlserver/types/dataplane.py` at tags 1.3.5, 1.4.0,
 * 1.5.0, 1.6.1 and 1.7.1; the project's own rules live in policy.ts, not here.
 */
import { z } from 'zod';
import { type PydanticMajor } from './pydantic-types.js';
export declare const MLSERVER_LINES: readonly ['1.3', '1.4', '1.5', '1.6', '1.7'];
export type MlserverLine = (typeof MLSERVER_LINES)[number];
export declare const DEFAULT_MLSERVER_LINE: MlserverLine;
/** The V2 tensor datatypes, `mlserver.types.Datatype` (an enum from 1.4). */
export declare const DATATYPES: readonly ['BOOL', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'INT8', 'INT16', 'INT32', 'INT64', 'FP16', 'FP32', 'FP64', 'BYTES'];
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
/**
 * Keys pydantic 1's BaseSettings.__init__ takes as options, not as fields
 * (pydantic 1.10 env_settings.py), so `ModelSettings.parse_obj` (which calls
 * `cls(**obj)`) on 1.3-1.5 consumes them instead of refusing them as extras. Any
 * other `_`-prefixed key is an extra field and refused ("extra fields not
 * permitted": validate_model in pydantic 1.10 main.py skips no underscore names;
 * checked with pydantic 1.10.4). pydantic 2's model_validate (1.6+) ignores them as
 * it ignores every unknown key.
 */
export declare const PYDANTIC1_SETTINGS_OPTIONS: readonly ['_env_file', '_env_file_encoding', '_env_nested_delimiter', '_secrets_dir'];
export declare const LINES: Record<MlserverLine, LineRules>;
export declare function isMlserverLine(value: string): value is MlserverLine;
/** "1.3.2", "1.7.0rc1" or "1.5" -> its line, or undefined when we do not support it. */
export declare function lineOfVersion(version: string): MlserverLine | undefined;
/** ModelSettings for one line, as a zod schema whose issues carry JSON paths. */
export declare function modelSettingsSchema(line: MlserverLine): z.ZodType;
/** `dict(value)` of a list, as pydantic 1 does for a model field; undefined when dict() would fail. */
export declare function pairsAsObject(value: unknown): Record<string, unknown> | undefined;
/** Top-level keys this line knows; the rest are refused (1.3-1.5) or ignored (1.6+). */
export declare function knownTopLevelKeys(line: MlserverLine): string[];
