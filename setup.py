"""Builds the Python module `archmark` with CMake (see pyproject.toml and docs/python.md).

By default the whole project is configured with -DARCHMARK_PYTHON=ON -DARCHMARK_TESTS=OFF and
only the module's target is built. With ARCHMARK_PREFIX set to the prefix of an installed
archmark (`cmake --install build --prefix PREFIX`), only python/ is built, against that package:
one file to compile instead of the library.

Environment: ARCHMARK_PREFIX (above); ARCHMARK_BUILD_BASE, the folder for build files (default
build-python/, next to this file); ARCHMARK_CMAKE_ARGS, more arguments for the configure step;
CMAKE_BUILD_PARALLEL_LEVEL, the number of compile jobs.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
BUILD_BASE = Path(os.environ.get("ARCHMARK_BUILD_BASE", ROOT / "build-python")).resolve()


def project_version():
    """The version in the top-level CMakeLists.txt's project() call: one place for it."""
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(archmark\s+VERSION\s+([0-9.]+)", text)
    if not match:
        raise RuntimeError("no project(archmark VERSION ...) in CMakeLists.txt")
    return match.group(1)


class CMakeExtension(Extension):
    """An extension that CMake builds: setuptools only copies the result."""

    def __init__(self, name):
        super().__init__(name, sources=[])


class cmake_build_ext(build_ext):
    def build_extension(self, ext):
        build_dir = Path(self.build_temp).resolve() / "cmake"
        args = [f"-DPython3_EXECUTABLE={sys.executable}", "-DCMAKE_BUILD_TYPE=Release"]
        prefix = os.environ.get("ARCHMARK_PREFIX")
        if prefix:
            source = ROOT / "python"
            args.append(f"-DCMAKE_PREFIX_PATH={Path(prefix).resolve()}")
        else:
            source = ROOT
            args += ["-DARCHMARK_PYTHON=ON", "-DARCHMARK_TESTS=OFF"]
        if shutil.which("ninja") and not (build_dir / "CMakeCache.txt").exists():
            args += ["-G", "Ninja"]
        args += shlex.split(os.environ.get("ARCHMARK_CMAKE_ARGS", ""))
        subprocess.run(["cmake", "-S", str(source), "-B", str(build_dir), *args], check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "archmark_python"], check=True)

        suffix = self.get_ext_filename("archmark")[len("archmark"):]  # .cpython-311-x86_64-linux-gnu.so
        built = build_dir / "python" / f"archmark{suffix}"
        if not built.exists():
            raise RuntimeError(f"CMake did not produce {built}")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


BUILD_BASE.mkdir(parents=True, exist_ok=True)
setup(
    version=project_version(),
    packages=[],
    py_modules=[],
    ext_modules=[CMakeExtension("archmark")],
    cmdclass={"build_ext": cmake_build_ext},
    # Build files and egg-info out of the source tree's build/ (the CMake build folder).
    options={"build": {"build_base": str(BUILD_BASE)}, "egg_info": {"egg_base": str(BUILD_BASE)}},
    zip_safe=False,
)
