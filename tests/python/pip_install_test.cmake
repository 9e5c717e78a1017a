# `pip install --no-build-isolation --no-index .` in a venv with the system's site packages, as
# docs/python.md says, offline. The library comes from the build, installed into a temporary
# prefix (ARCHMARK_PREFIX), so setup.py compiles only the module. The installed module must come
# from the venv and convert a string exactly as expected.
# Inputs: BUILD_DIR, SOURCE_DIR, WORK_DIR, PYTHON.
cmake_minimum_required(VERSION 3.25)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix --component development)
run(${PYTHON} -m venv --system-site-packages ${WORK_DIR}/venv)
set(ENV{ARCHMARK_PREFIX} ${WORK_DIR}/prefix)
set(ENV{ARCHMARK_BUILD_BASE} ${WORK_DIR}/setuptools)
set(ENV{PIP_DISABLE_PIP_VERSION_CHECK} 1)
set(ENV{PYTHONDONTWRITEBYTECODE} 1)
unset(ENV{PYTHONPATH})
run(${WORK_DIR}/venv/bin/python -m pip install --no-build-isolation --no-index ${SOURCE_DIR})

set(script [=[
import archmark, sys
print(archmark.__file__.startswith(sys.prefix), archmark.__version__)
print(archmark.to_tei("Sources (b)(1) said so.\n", fragment=True), end="")
print([(d.rule, d.line, d.column) for d in archmark.check("(b)(l) withheld\n")])
]=])
execute_process(COMMAND ${WORK_DIR}/venv/bin/python -c "${script}"
                WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(READ ${SOURCE_DIR}/tests/python/pip_install_expected.txt expected)
file(STRINGS ${SOURCE_DIR}/CMakeLists.txt version_line REGEX "^project\\(archmark VERSION")
string(REGEX REPLACE ".*VERSION ([0-9.]+).*" "\\1" version "${version_line}")
string(REPLACE "@VERSION@" "${version}" expected "${expected}")
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "exit ${rc}\n--- expected\n${expected}--- got\n${out}${err}")
endif()
