"""Packaging hook: the top-level ``resources/`` folder ships inside the wheel as ``tdorg/resources``.

Everything else is declared in ``pyproject.toml``. An editable install needs no copy:
:func:`tdorg.resource_path` finds ``resources/`` beside the package.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            target = Path(self.build_lib) / "tdorg" / "resources"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(Path(__file__).parent / "resources", target)


setup(cmdclass={"build_py": BuildWithResources})
