# STAND-IN for mlserver/repository/load.py (unchanged from 1.3 to 1.7): see mlserver/__init__.py.
import os

from ..settings import ModelParameters, ModelSettings


def load_model_settings(model_settings_path):
    model_settings = ModelSettings.parse_file(model_settings_path)
    model_settings_folder = os.path.dirname(model_settings_path)
    if not model_settings.name:
        model_settings.name = os.path.basename(model_settings_folder)
    if not model_settings.parameters:
        model_settings.parameters = ModelParameters()
    if not model_settings.parameters.uri:
        model_settings.parameters.uri = model_settings_folder
    return model_settings
