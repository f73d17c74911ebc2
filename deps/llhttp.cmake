# llhttp 8.1 C sources from Debian's node-llhttp (unpacked by v8.cmake's fetch step), built as a
# static library so our http parser binds to 8.1 and not to the older copy inside libnode.so.
set(LLHTTP_ROOT ${RINGJS_DEBS_ROOT}/usr/share)
add_library(ringjs_llhttp STATIC
  ${LLHTTP_ROOT}/llhttp/api.c ${LLHTTP_ROOT}/llhttp/http.c ${LLHTTP_ROOT}/llhttp/llhttp.c)
target_include_directories(ringjs_llhttp SYSTEM PUBLIC ${LLHTTP_ROOT}/include/llhttp)
set_target_properties(ringjs_llhttp PROPERTIES C_VISIBILITY_PRESET hidden POSITION_INDEPENDENT_CODE ON)
add_library(ringjs::llhttp ALIAS ringjs_llhttp)
