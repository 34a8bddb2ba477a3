"""The one direction of imports (issue #14) is checked by import-linter in `make lint`; its
layers contract names the modules of ``procedures`` core one by one. This test makes sure
none escapes it: a new module of ``procedures`` that no layer names would go unchecked."""

import pkgutil
import re
import tomllib
from pathlib import Path

import procedures

ROOT = Path(__file__).resolve().parents[2]


def layered_modules():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (apps,) = [c for c in config["contracts"] if c["id"] == "apps"]
    names = set()
    for layer in apps["layers"]:
        names.update(re.findall(r"[\w.]+", layer))
    return names


def covered(module, layered):
    parts = module.split(".")
    return any(".".join(parts[:i]) in layered for i in range(1, len(parts) + 1))


def test_every_module_of_procedures_is_in_a_layer_of_the_contract():
    layered = layered_modules()
    children = [f"procedures.{info.name}" for info in pkgutil.iter_modules(procedures.__path__)]
    for package in ("management.commands", "views"):  # containers, not modules of their own
        path = Path(procedures.__path__[0], *package.split("."))
        children.remove(f"procedures.{package.split('.')[0]}")
        children += [f"procedures.{package}.{info.name}" for info in pkgutil.iter_modules([path])]
    missing = [module for module in children if not covered(module, layered)]
    assert not missing, f"not in any layer of [tool.importlinter] 'apps': {missing}"
