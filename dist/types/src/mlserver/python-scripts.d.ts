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
export declare const RESULT_MARKER = "MLSERVER_RELEASE_RESULT ";
/** argv: implementation, model folder. Reports the mlserver version and whether the implementation imports. */
export declare const PROBE_SCRIPT = "\nimport importlib, json, sys\nout = {\"mlserver\": None, \"implementation\": None}\ntry:\n    import mlserver\n    out[\"mlserver\"] = str(getattr(mlserver, \"__version__\", \"\") or \"\") or None\nexcept Exception:\n    pass\nimplementation, model_dir = sys.argv[1], sys.argv[2]\nif implementation:\n    module_name, _, attribute = implementation.rpartition(\".\")\n    sys.path.insert(0, model_dir)\n    try:\n        module = importlib.import_module(module_name)\n    except ModuleNotFoundError as error:\n        out[\"implementation\"] = {\"status\": \"not-installed\", \"module\": error.name, \"detail\": str(error)}\n    except BaseException as error:\n        out[\"implementation\"] = {\"status\": \"import-error\", \"detail\": type(error).__name__ + \": \" + str(error)}\n    else:\n        found = hasattr(module, attribute)\n        out[\"implementation\"] = {\"status\": \"ok\" if found else \"no-attribute\", \"file\": getattr(module, \"__file__\", None)}\nprint(\"MLSERVER_RELEASE_RESULT \" + json.dumps(out))\n";
/** argv: model-settings.json in the staged version folder, the sample request ("" for none). */
export declare const LOAD_CHECK_SCRIPT = "\nimport asyncio, json, sys, traceback\nasync def check(settings_path, request_path):\n    step = \"import mlserver\"\n    try:\n        from mlserver.repository.load import load_model_settings\n        step = \"parse model-settings.json\"\n        settings = load_model_settings(settings_path)\n        step = \"import \" + str(settings.implementation_)\n        runtime = settings.implementation\n        step = \"create the model\"\n        model = runtime(settings)\n        step = \"load()\"\n        if await model.load() is False:\n            raise RuntimeError(\"load() returned False\")\n        outputs = None\n        if request_path:\n            step = \"predict() with the sample request\"\n            from mlserver.types import InferenceRequest\n            with open(request_path) as f:\n                payload = json.load(f)\n            parse = getattr(InferenceRequest, \"model_validate\", None) or InferenceRequest.parse_obj\n            response = await model.predict(parse(payload))\n            outputs = [output.name for output in response.outputs]\n        version = settings.parameters.version if settings.parameters else None\n        return {\"ok\": True, \"name\": settings.name, \"version\": version, \"outputs\": outputs}\n    except BaseException:\n        return {\"ok\": False, \"step\": step, \"error\": traceback.format_exc(limit=8)}\nresult = asyncio.run(check(sys.argv[1], sys.argv[2]))\nprint(\"MLSERVER_RELEASE_RESULT \" + json.dumps(result))\n";
/** The JSON after the marker on stdout, or undefined when the script died before printing it. */
export declare function parseScriptResult<T>(stdout: string): T | undefined;
