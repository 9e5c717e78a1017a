# Runs PROGRAM with ARGS; its standard output must equal the file EXPECTED and its exit code
# EXIT_CODE. Standard error is shown on failure.
cmake_minimum_required(VERSION 3.25)
execute_process(COMMAND ${PROGRAM} ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(READ ${EXPECTED} expected)
if(NOT rc STREQUAL EXIT_CODE OR NOT out STREQUAL expected)
  message(FATAL_ERROR "${PROGRAM} ${ARGS}: exit ${rc} (want ${EXIT_CODE})\n"
                      "--- expected (${EXPECTED})\n${expected}--- got\n${out}--- stderr\n${err}")
endif()
