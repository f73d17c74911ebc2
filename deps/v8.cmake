# V8 10.2 from Debian's libnode108 + libnode-dev, unpacked into the build tree (see README.md).
# Exposes the imported target `ringjs::v8` (headers, defines matching libnode's config.gypi,
# libv8.so and libv8_libplatform.so, both symlinks to libnode.so, with an rpath).
set(RINGJS_DEBS_DIR ${CMAKE_BINARY_DIR}/_deps)
set(RINGJS_DEBS_ROOT ${RINGJS_DEBS_DIR}/root)
execute_process(
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/fetch-debs.sh ${RINGJS_DEBS_DIR} libnode108 libnode-dev node-llhttp
  RESULT_VARIABLE fetch_result)
if(NOT fetch_result EQUAL 0)
  message(FATAL_ERROR "deps: could not fetch libnode108/libnode-dev/node-llhttp (${fetch_result})")
endif()

set(V8_INCLUDE_DIR ${RINGJS_DEBS_ROOT}/usr/include/node)
set(V8_LIB_DIR ${RINGJS_DEBS_ROOT}/usr/lib/x86_64-linux-gnu)
file(READ ${V8_INCLUDE_DIR}/config.gypi v8_config_gypi)
if(v8_config_gypi MATCHES "'v8_enable_pointer_compression': 1")
  message(FATAL_ERROR "deps: this libnode uses pointer compression; add V8_COMPRESS_POINTERS")
endif()

add_library(ringjs_v8 INTERFACE)
add_library(ringjs::v8 ALIAS ringjs_v8)
target_include_directories(ringjs_v8 SYSTEM INTERFACE ${V8_INCLUDE_DIR})
# libnode's V8: no pointer compression, no 31-bit smis, no sandbox; built without RTTI.
target_compile_definitions(ringjs_v8 INTERFACE V8_DEPRECATION_WARNINGS=1)
target_compile_options(ringjs_v8 INTERFACE -fno-rtti)
target_link_libraries(ringjs_v8 INTERFACE
  ${V8_LIB_DIR}/libv8.so ${V8_LIB_DIR}/libv8_libplatform.so)
target_link_options(ringjs_v8 INTERFACE "-Wl,-rpath,${V8_LIB_DIR}")
file(STRINGS ${V8_INCLUDE_DIR}/node_version.h node_major_line REGEX "define NODE_MAJOR_VERSION")
