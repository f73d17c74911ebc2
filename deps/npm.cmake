# JS dependencies from the npm registry, embedded into the binary as builtins (see README.md).
# Each package is fetched once with `npm pack` into the build tree (build/_deps/npm), checked
# against a pinned SHA-512 and unpacked; a build tree that has it already never asks npm again,
# so an offline rebuild works. Sets RINGJS_JS_DEPS_ARGS: the extra js2c arguments
# (--root DIR PREFIX FILE...) and RINGJS_JS_DEPS_FILES: the files, for dependencies.

set(RINGJS_NPM_DIR ${CMAKE_BINARY_DIR}/_deps/npm)
set(RINGJS_JS_DEPS_ARGS)
set(RINGJS_JS_DEPS_FILES)

# ringjs_npm_package(NAME VERSION SHA512 ID_PREFIX FILE...): FILEs of the package become builtin
# ids ID_PREFIX/<file without .js>.
function(ringjs_npm_package name version sha512 prefix)
  set(unpacked ${RINGJS_NPM_DIR}/${name}-${version})
  set(tarball ${RINGJS_NPM_DIR}/${name}-${version}.tgz)
  if(NOT EXISTS ${unpacked}/.unpacked)
    file(MAKE_DIRECTORY ${RINGJS_NPM_DIR})
    if(NOT EXISTS ${tarball})
      find_program(RINGJS_NPM npm)
      if(NOT RINGJS_NPM)
        message(FATAL_ERROR "deps: npm is needed once to fetch ${name}@${version}")
      endif()
      message(STATUS "deps: npm pack ${name}@${version}")
      execute_process(
        COMMAND ${RINGJS_NPM} pack ${name}@${version} --silent
        WORKING_DIRECTORY ${RINGJS_NPM_DIR}
        RESULT_VARIABLE npm_result OUTPUT_QUIET ERROR_VARIABLE npm_error)
      if(NOT npm_result EQUAL 0 OR NOT EXISTS ${tarball})
        message(FATAL_ERROR "deps: npm pack ${name}@${version} failed: ${npm_error}")
      endif()
    endif()
    file(SHA512 ${tarball} actual_sha512)
    if(NOT actual_sha512 STREQUAL sha512)
      file(REMOVE ${tarball})
      message(FATAL_ERROR "deps: ${name}-${version}.tgz has SHA-512 ${actual_sha512}, expected ${sha512}")
    endif()
    file(REMOVE_RECURSE ${unpacked})
    file(MAKE_DIRECTORY ${unpacked})
    execute_process(COMMAND ${CMAKE_COMMAND} -E tar xzf ${tarball}
      WORKING_DIRECTORY ${unpacked} RESULT_VARIABLE tar_result)
    if(NOT tar_result EQUAL 0)
      message(FATAL_ERROR "deps: could not unpack ${tarball}")
    endif()
    file(TOUCH ${unpacked}/.unpacked)
  endif()
  set(args ${RINGJS_JS_DEPS_ARGS} --root ${unpacked}/package ${prefix})
  set(files ${RINGJS_JS_DEPS_FILES})
  foreach(file ${ARGN})
    list(APPEND args ${unpacked}/package/${file})
    list(APPEND files ${unpacked}/package/${file})
  endforeach()
  set(RINGJS_JS_DEPS_ARGS ${args} PARENT_SCOPE)
  set(RINGJS_JS_DEPS_FILES ${files} PARENT_SCOPE)
endfunction()

# The lexer node itself uses to find the named exports of CommonJS modules for import (its
# plain-JS build; node prefers the wasm one where WebAssembly exists, with identical results).
ringjs_npm_package(cjs-module-lexer 1.2.2
  70e53dbac670f3f7572172adc1af29334393250b8993130deb0df472c35151eac77de43947a53792453f16d25e21fdccdb4d8e1df63653c71c227046effc6880
  internal/deps/cjs-module-lexer lexer.js)
