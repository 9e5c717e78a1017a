#!/usr/bin/env python3
"""The sanitizer sub-build of the test suite (docs/robustness.md).

  build   configures and builds <build>/asan: ASan + UBSan (ARCHMARK_SANITIZE) and, when clang with
          libFuzzer is there, libFuzzer instrumentation and harnesses (ARCHMARK_FUZZ) in the same
          tree, so the library is compiled once for both
  test    runs that tree's ctest: the whole suite (--exclude-label fuzz) or the fuzzers (--label
          fuzz; skipped with a message, exit 77, when the sub-build has no clang)

The sub-build defines neither of these tests (tests/robustness/CMakeLists.txt), so nothing recurses.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
STATUS = "archmark-sub-build.txt"


def run(command, **kw):
    print("+ " + " ".join(command), flush=True)
    return subprocess.run(command, **kw)


def clang_with_libfuzzer(clang):
    """None when `clang` links a libFuzzer + ASan + UBSan program, else the reason it cannot."""
    if not clang:
        return "clang++ not found (Debian packages: clang, libclang-rt-14-dev)"
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "probe.cpp")
        with open(src, "w") as f:
            f.write("#include <cstdint>\n#include <cstddef>\n"
                    'extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }\n')
        r = subprocess.run([clang, "-fsanitize=fuzzer,address,undefined", src, "-o", os.path.join(tmp, "probe")],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            return f"{clang} cannot link a libFuzzer program (Debian package: libclang-rt-14-dev):\n{r.stdout[-1500:]}"
    return None


def build(args):
    started = time.monotonic()
    problem = clang_with_libfuzzer(args.clang)
    fuzz = problem is None
    compiler = args.clang if fuzz else args.cxx
    if not fuzz:
        print(f"NOTE: no fuzz build: {problem}\nThe sanitizer suite is built with {compiler} alone.")
    # A tree configured with another compiler cannot be reconfigured in place.
    status_path = os.path.join(args.build, STATUS)
    if os.path.exists(status_path):
        with open(status_path) as f:
            if f.readline().strip() != compiler:
                shutil.rmtree(args.build)
    configure = ["cmake", "-S", args.source, "-B", args.build, "-G", args.generator,
                 # -O1 keeps ASan builds and runs quick; no NDEBUG, so asserts and the parser's
                 # invariant check (parse.cpp) run too.
                 "-DCMAKE_BUILD_TYPE=RelWithDebInfo", "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g",
                 f"-DCMAKE_CXX_COMPILER={compiler}", "-DARCHMARK_SANITIZE=ON",
                 f"-DARCHMARK_FUZZ={'ON' if fuzz else 'OFF'}", "-DARCHMARK_TESTS=ON"]
    if run(configure).returncode != 0:
        return 1
    with open(status_path, "w") as f:
        f.write(compiler + "\n" + ("fuzz" if fuzz else problem) + "\n")
    built = run(["cmake", "--build", args.build])
    print(f"sanitizer sub-build ({'clang, ASan+UBSan+libFuzzer' if fuzz else compiler + ', ASan+UBSan'}): "
          f"{time.monotonic() - started:.0f} s")
    return built.returncode


def sanitizer_environment():
    env = dict(os.environ)
    env["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    env["ASAN_OPTIONS"] = "detect_leaks=1:check_initialization_order=1:strict_init_order=1"
    return env


def test(args):
    status_path = os.path.join(args.build, STATUS)
    if not os.path.exists(status_path):
        print(f"{args.build} was not built (see the test sanitizer_build)")
        return 1
    with open(status_path) as f:
        lines = f.read().splitlines()
    if args.label == "fuzz" and lines[1:2] != ["fuzz"]:
        print("SKIPPED: the fuzzers were not built: " + "\n".join(lines[1:]))
        return SKIP
    env = sanitizer_environment()
    # LeakSanitizer needs ptrace; where a container forbids it, it fails every process at exit.
    probe = subprocess.run([os.path.join(args.build, "archmark"), "--version"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if "LeakSanitizer has encountered a fatal error" in probe.stdout:
        print("NOTE: LeakSanitizer cannot run here (no ptrace); leak detection is off for this run")
        env["ASAN_OPTIONS"] = env["ASAN_OPTIONS"].replace("detect_leaks=1", "detect_leaks=0")
    command = ["ctest", "--test-dir", args.build, "--output-on-failure"]
    if args.label:
        command += ["-L", args.label]
    if args.exclude_label:
        command += ["-LE", args.exclude_label]
    if args.exclude:
        command += ["-E", args.exclude]
    started = time.monotonic()
    result = run(command, env=env)
    print(f"sanitizer sub-build ctest: {time.monotonic() - started:.0f} s")
    return result.returncode


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["build", "test"])
    p.add_argument("--build", required=True, help="the sub-build folder")
    p.add_argument("--source")
    p.add_argument("--generator")
    p.add_argument("--cxx", help="the compiler when there is no usable clang")
    p.add_argument("--clang", default="")
    p.add_argument("--label")
    p.add_argument("--exclude-label")
    p.add_argument("--exclude")
    args = p.parse_args()
    return build(args) if args.mode == "build" else test(args)


if __name__ == "__main__":
    sys.exit(main())
