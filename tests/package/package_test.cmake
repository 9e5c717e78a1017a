# The installed package, tested as a consumer sees it (run by CTest, see CMakeLists.txt):
#  1. `cmake --install` the build into a fresh prefix; every public header, the library, the CLI,
#     the CMake package and archmark.pc must be there;
#  2. configure, build and run consumer/ against the prefix with find_package(archmark);
#  3. the same against the build tree's export (archmark_DIR=<build>/cmake);
#  4. compile consumer/main.cpp by hand with `pkg-config --cflags --libs archmark` and run it.
# Each run's output must equal expected_output.txt exactly.
# Inputs: BUILD_DIR, SOURCE_DIR (the project), WORK_DIR, GENERATOR, MAKE_PROGRAM, CXX, BUILD_TYPE.
cmake_minimum_required(VERSION 3.25)

set(consumer ${SOURCE_DIR}/tests/package/consumer)
file(READ ${SOURCE_DIR}/tests/package/expected_output.txt expected)
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()

function(expect_output program what)
  execute_process(COMMAND ${program} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
    message(FATAL_ERROR "${what}: exit ${rc}\n--- expected\n${expected}--- got\n${out}${err}")
  endif()
  message(STATUS "${what}: ok")
endfunction()

# 1. Install.
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
file(GLOB public_headers RELATIVE ${SOURCE_DIR}/src/include/archmark ${SOURCE_DIR}/src/include/archmark/*.hpp)
set(wanted bin/archmark lib/libarchmark.a lib/cmake/archmark/archmark-config.cmake
    lib/cmake/archmark/archmark-config-version.cmake lib/cmake/archmark/archmark-targets.cmake
    lib/pkgconfig/archmark.pc include/archmark/version.hpp)
foreach(h IN LISTS public_headers)
  list(APPEND wanted include/archmark/${h})
endforeach()
foreach(f IN LISTS wanted)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
# Only public headers: nothing of the parser, the grammar or the converters.
file(GLOB_RECURSE installed_headers RELATIVE ${prefix}/include ${prefix}/include/*)
list(LENGTH public_headers n_public)
list(LENGTH installed_headers n_installed)
math(EXPR n_public "${n_public} + 1")  # version.hpp
if(NOT n_installed EQUAL n_public)
  message(FATAL_ERROR "installed headers are not the public ones: ${installed_headers}")
endif()
run(${prefix}/bin/archmark --version)

set(generator -G ${GENERATOR})
if(MAKE_PROGRAM)
  list(APPEND generator -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()

# 2. find_package against the installed prefix.
run(${CMAKE_COMMAND} -S ${consumer} -B ${WORK_DIR}/installed ${generator} -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/installed)
expect_output(${WORK_DIR}/installed/consumer "installed package")

# 3. find_package against the build tree.
run(${CMAKE_COMMAND} -S ${consumer} -B ${WORK_DIR}/build-tree ${generator} -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
    -DCMAKE_CXX_COMPILER=${CXX} -Darchmark_DIR=${BUILD_DIR}/cmake)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build-tree)
expect_output(${WORK_DIR}/build-tree/consumer "build-tree export")

# 4. pkg-config.
find_program(PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs archmark
                RESULT_VARIABLE rc OUTPUT_VARIABLE flags ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs archmark: ${err}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CXX} -std=c++20 -O1 ${consumer}/main.cpp -o ${WORK_DIR}/pkg-config-consumer ${flags})
expect_output(${WORK_DIR}/pkg-config-consumer "pkg-config")
