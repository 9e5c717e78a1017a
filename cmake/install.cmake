# Installation and the exported CMake package: see docs/embedding.md.
#
# Installs the static library libarchmark.a, the public headers <archmark/...> (with the generated
# version.hpp), the `archmark` tool, a CMake package (`find_package(archmark CONFIG REQUIRED)`,
# target archmark::archmark, with a version file) and archmark.pc for pkg-config. The build tree
# exports the same package, so a consumer can also point archmark_DIR at a build folder.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The Python module links the static library into a shared object.
set_target_properties(archmark_lib PROPERTIES
  POSITION_INDEPENDENT_CODE ON
  EXPORT_NAME archmark)
# The public headers use C++20 (std::span, defaulted operator==): consumers get it from the target.
target_compile_features(archmark_lib PUBLIC cxx_std_20)

set(ARCHMARK_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/archmark
    CACHE STRING "Where the CMake package files go, relative to the install prefix")
mark_as_advanced(ARCHMARK_INSTALL_CMAKEDIR)

install(TARGETS archmark_lib EXPORT archmark_targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS archmark RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/src/include/archmark
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development
        FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/generated/archmark/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/archmark COMPONENT development)

# The package configuration. libarchmark.a keeps its dependencies private, but a static archive
# still needs them at link time: the exported target names them ($<LINK_ONLY:...>), so the config
# finds every one. cmark-gfm has no CMake package on Debian: it is found through pkg-config, as in
# cmake/cmark_gfm.cmake.
set(ARCHMARK_CONFIG_CONTENT [=[
# archmark CMake package: defines the imported target archmark::archmark.
@PACKAGE_INIT@
include(CMakeFindDependencyMacro)
find_dependency(pegtl 3 CONFIG)
find_dependency(pugixml CONFIG)
find_dependency(nlohmann_json 3 CONFIG)
find_dependency(yaml-cpp CONFIG)
# The exported link interface names cmark-gfm by its imported target, PkgConfig::CMARK_GFM.
if(NOT TARGET PkgConfig::CMARK_GFM)
  find_dependency(PkgConfig)
  pkg_check_modules(CMARK_GFM QUIET IMPORTED_TARGET libcmark-gfm)
  if(NOT CMARK_GFM_FOUND)
    set(archmark_FOUND FALSE)
    set(archmark_NOT_FOUND_MESSAGE "archmark needs cmark-gfm (pkg-config module libcmark-gfm)")
    return()
  endif()
endif()
include(${CMAKE_CURRENT_LIST_DIR}/archmark-targets.cmake)
check_required_components(archmark)
]=])
file(WRITE ${PROJECT_BINARY_DIR}/archmark-config.cmake.in "${ARCHMARK_CONFIG_CONTENT}")
configure_package_config_file(
  ${PROJECT_BINARY_DIR}/archmark-config.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/archmark-config.cmake
  INSTALL_DESTINATION ${ARCHMARK_INSTALL_CMAKEDIR})
# 0.x: minor versions may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/archmark-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/archmark-config.cmake
              ${PROJECT_BINARY_DIR}/cmake/archmark-config-version.cmake
        DESTINATION ${ARCHMARK_INSTALL_CMAKEDIR} COMPONENT development)
install(EXPORT archmark_targets NAMESPACE archmark:: FILE archmark-targets.cmake
        DESTINATION ${ARCHMARK_INSTALL_CMAKEDIR} COMPONENT development)

# The build-tree export: archmark_DIR=<build>/cmake works without installing.
export(EXPORT archmark_targets NAMESPACE archmark::
       FILE ${PROJECT_BINARY_DIR}/cmake/archmark-targets.cmake)

# pkg-config. The library is static only, so its dependencies go in Requires (not
# Requires.private): `pkg-config --libs archmark` must link without --static. The prefix is
# found from the .pc file's own place, so the package can be installed with --prefix anywhere.
file(RELATIVE_PATH ARCHMARK_PC_TO_PREFIX
     ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" ARCHMARK_PC_TO_PREFIX "${ARCHMARK_PC_TO_PREFIX}")
set(ARCHMARK_PC_CONTENT [=[
prefix=${pcfiledir}/@ARCHMARK_PC_TO_PREFIX@
libdir=${prefix}/@CMAKE_INSTALL_LIBDIR@
includedir=${prefix}/@CMAKE_INSTALL_INCLUDEDIR@

Name: archmark
Description: @PROJECT_DESCRIPTION@
Version: @PROJECT_VERSION@
Requires: libcmark-gfm pugixml yaml-cpp
Libs: -L${libdir} -larchmark
Cflags: -I${includedir}
]=])
file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/archmark.pc CONTENT "${ARCHMARK_PC_CONTENT}" @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/archmark.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT development)
