/**
 * The two small Python programs the tool runs in the notebook's Python. They are
 * passed with `python -c`, print one line `MLSERVER_RELEASE_RESULT <json>` and
 * never import anything the user did not install.
 *
 * MLServer internals the load check calls (unchanged from 1.3 to 1.7):
 * - `mlserver.repository.load.load_model_settings(path)`: ModelSettings.parse_file,
 *   then name, parameters and uri defaulted exactly as the server's repository does;
 * - `ModelSettings.implementation` (a property): imports the runtime with the
 *   model folder on sys.path;
 * - `runtime(settings)` and `await model.load()`, as the model registry does;
 * - `mlserver.types.InferenceRequest` (`model_validate` on pydantic 2, `parse_obj`
 *   on pydantic 1) and `await model.predict(request)` for the sample request.
 */

export const RESULT_MARKER = 'MLSERVER_RELEASE_RESULT ';

/** argv: implementation, model folder. Reports the mlserver version and whether the implementation imports. */
export const PROBE_SCRIPT = `
import importlib, json, sys
out = {"mlserver": None, "implementation": None}
try:
    import mlserver
    out["mlserver"] = str(getattr(mlserver, "__version__", "") or "") or None
except Exception:
    pass
implementation, model_dir = sys.argv[1], sys.argv[2]
if implementation:
    module_name, _, attribute = implementation.rpartition(".")
    sys.path.insert(0, model_dir)
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        out["implementation"] = {"status": "not-installed", "module": error.name, "detail": str(error)}
    except BaseException as error:
        out["implementation"] = {"status": "import-error", "detail": type(error).__name__ + ": " + str(error)}
    else:
        found = hasattr(module, attribute)
        out["implementation"] = {"status": "ok" if found else "no-attribute", "file": getattr(module, "__file__", None)}
print("${RESULT_MARKER}" + json.dumps(out))
`;

/** argv: model-settings.json in the staged version folder, the sample request ("" for none). */
export const LOAD_CHECK_SCRIPT = `
import asyncio, json, sys, traceback
async def check(settings_path, request_path):
    step = "import mlserver"
    try:
        from mlserver.repository.load import load_model_settings
        step = "parse model-settings.json"
        settings = load_model_settings(settings_path)
        step = "import " + str(settings.implementation_)
        runtime = settings.implementation
        step = "create the model"
        model = runtime(settings)
        step = "load()"
        if await model.load() is False:
            raise RuntimeError("load() returned False")
        outputs = None
        if request_path:
            step = "predict() with the sample request"
            from mlserver.types import InferenceRequest
            with open(request_path) as f:
                payload = json.load(f)
            parse = getattr(InferenceRequest, "model_validate", None) or InferenceRequest.parse_obj
            response = await model.predict(parse(payload))
            outputs = [output.name for output in response.outputs]
        version = settings.parameters.version if settings.parameters else None
        return {"ok": True, "name": settings.name, "version": version, "outputs": outputs}
    except BaseException:
        return {"ok": False, "step": step, "error": traceback.format_exc(limit=8)}
result = asyncio.run(check(sys.argv[1], sys.argv[2]))
print("${RESULT_MARKER}" + json.dumps(result))
`;

/** The JSON after the marker on stdout, or undefined when the script died before printing it. */
export function parseScriptResult<T>(stdout: string): T | undefined {
  const line = stdout.split('\n').reverse().find((l) => l.startsWith(RESULT_MARKER));
  if (!line) return undefined;
  try {
    return JSON.parse(line.slice(RESULT_MARKER.length)) as T;
  } catch {
    return undefined;
  }
}
