"""Copies the LossLens CLI bundle into the wheel, beside the Python launcher.

The bundle is what `npm run build:cli` writes: cli.js, cli-worker.js, the two wasm files and
web/typescript.js (the CLI loads the TypeScript compiler from there for TensorFlow.js files).
It is taken from $LOSSLENS_BUNDLE_DIR, else from the repository's dist/ next to this folder.
In the wheel it keeps the npm package's layout, losslens/_node/{package.json,dist/...}: the CLI
reads its version from the package.json beside its dist/ folder. Everything else is in
pyproject.toml.
"""

import json

import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLE_FILES = (
    "cli.js",
    "cli-worker.js",
    "wasm/web-tree-sitter.wasm",
    "wasm/tree-sitter-python.wasm",
    "web/typescript.js",
)


class BuildPyWithBundle(build_py):
    def run(self):
        super().run()
        source = os.environ.get("LOSSLENS_BUNDLE_DIR") or os.path.join(HERE, "..", "dist")
        missing = [f for f in BUNDLE_FILES if not os.path.isfile(os.path.join(source, f))]
        if missing:
            raise SystemExit(
                "losslens: the CLI bundle is missing ({}) in {}.\n"
                "Build it first in the repository with `npm ci && npm run build:cli`, or set "
                "LOSSLENS_BUNDLE_DIR to a folder holding it; `npm run package:pip` does both.".format(
                    ", ".join(missing), os.path.abspath(source)
                )
            )
        package = os.path.join(self.build_lib, "losslens", "_node")
        for name in BUNDLE_FILES:
            os.makedirs(os.path.dirname(os.path.join(package, "dist", name)), exist_ok=True)
            shutil.copyfile(os.path.join(source, name), os.path.join(package, "dist", name))
        manifest = {"name": "losslens", "version": self.distribution.get_version(), "license": "MIT"}
        with open(os.path.join(package, "package.json"), "w") as f:
            json.dump(manifest, f, indent=2)
            f.write("\n")
        for license_file in (os.path.join(HERE, "LICENSE"), os.path.join(HERE, "..", "LICENSE")):
            if os.path.isfile(license_file):
                shutil.copyfile(license_file, os.path.join(package, "LICENSE"))
                break


setup(cmdclass={"build_py": BuildPyWithBundle})
