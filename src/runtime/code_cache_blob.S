// The builtins' code caches (see runtime/code_cache.h), written by the first-stage binary.
// RINGJS_CODE_CACHE_BLOB is the path of that file, given by CMakeLists.txt.
  .section .rodata
  .balign 16
  .globl ringjs_code_cache_blob
ringjs_code_cache_blob:
  .incbin RINGJS_CODE_CACHE_BLOB
  .globl ringjs_code_cache_blob_end
ringjs_code_cache_blob_end:
  .section .note.GNU-stack,"",@progbits
