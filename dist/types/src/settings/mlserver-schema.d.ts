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
}
export declare const LINES: Record<MlserverLine, LineRules>;
export declare function isMlserverLine(value: string): value is MlserverLine;
/** "1.3.2", "1.7.0rc1" or "1.5" -> its line, or undefined when we do not support it. */
export declare function lineOfVersion(version: string): MlserverLine | undefined;
/** ModelSettings for one line, as a zod schema whose issues carry JSON paths. */
export declare function modelSettingsSchema(line: MlserverLine): z.ZodType;
/** Top-level keys this line knows; the rest are refused (1.3-1.5) or ignored (1.6+). */
export declare function knownTopLevelKeys(line: MlserverLine): string[];
