"""Shared by the command-line transcript tests (tests/*/..._tests.py): run the tool, compare exact
exit codes and output, count results and print the `N passed, M failed` line CTest and CI read."""
import os
import re
import shutil
import subprocess
import sys


def fresh_folder(path):
    """An empty folder at `path` (made anew on every run)."""
    path = os.path.abspath(path)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def run(argv, stdin=b"", cwd=None, env=None, timeout=60):
    """(exit code, stdout, stderr) of one run, output decoded as UTF-8."""
    p = subprocess.run(argv, input=stdin, capture_output=True, timeout=timeout, cwd=cwd, env=env)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def _matches(want, got):
    if want is None:
        return True
    if isinstance(want, re.Pattern):
        return want.fullmatch(got) is not None
    return got == want


class Transcript:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAILED: {name}\n{detail}")

    def expect(self, name, result, code, stdout=None, stderr=None):
        """`result` is run()'s triple; stdout and stderr are compared exactly when given (stderr
        may also be a compiled pattern that must match all of it)."""
        got_code, got_out, got_err = result
        detail = f"  exit {got_code} (want {code})\n  stdout: {got_out[:3000]!r}\n  stderr: {got_err[:2000]!r}"
        if stdout is not None and got_out != stdout:
            detail += f"\n  want stdout: {stdout[:3000]!r}"
        if not _matches(stderr, got_err):
            detail += f"\n  want stderr: {stderr!r}"
        ok = got_code == code and (stdout is None or got_out == stdout) and _matches(stderr, got_err)
        self.check(name, ok, detail)

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed or not self.passed else 0)
