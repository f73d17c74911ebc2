#include "bindings/crypto_secure_heap.h"

#include <openssl/crypto.h>

namespace ringjs::crypto {
namespace {

SecureHeapSizes configured;  // Written once in main before any thread starts.

}  // namespace

bool InitSecureHeap(size_t size, size_t min_size) {
  if (CRYPTO_secure_malloc_init(size, min_size) == 0) return false;
  configured = {size, min_size};
  return true;
}

SecureHeapSizes ConfiguredSecureHeap() {
  return CRYPTO_secure_malloc_initialized() ? configured : SecureHeapSizes{};
}

}  // namespace ringjs::crypto
