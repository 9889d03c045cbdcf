# STAND-IN for mlserver/utils.py (get_model_uri, to_absolute_path): see __init__.py.
import os


class InvalidModelURI(Exception):
    def __init__(self, name, path=None):
        super().__init__(f"Invalid URI specified for model {name}" + (f" ({path})" if path else ""))


def to_absolute_path(model_settings, uri):
    source = model_settings._source
    if source is None:
        return uri
    return os.path.normpath(os.path.join(os.path.dirname(source), uri))


async def get_model_uri(settings, wellknown_filenames=[]):
    if not settings.parameters or not settings.parameters.uri:
        raise InvalidModelURI(settings.name)
    full_model_path = to_absolute_path(settings, settings.parameters.uri)
    if os.path.isfile(full_model_path):
        return full_model_path
    if os.path.isdir(full_model_path):
        for fname in wellknown_filenames:
            if os.path.isfile(os.path.join(full_model_path, fname)):
                return os.path.join(full_model_path, fname)
        return full_model_path
    raise InvalidModelURI(settings.name, full_model_path)
