// OpenSSL's secure heap (--secure-heap / --secure-heap-min): set up once at start-up, before
// anything allocates through OpenSSL, and reported by crypto.secureHeapUsed().
#ifndef SRC_BINDINGS_CRYPTO_SECURE_HEAP_H_
#define SRC_BINDINGS_CRYPTO_SECURE_HEAP_H_

#include <cstddef>

namespace ringjs::crypto {

// False when OpenSSL refused the sizes (the process goes on without a secure heap, as node).
bool InitSecureHeap(size_t size, size_t min_size);

struct SecureHeapSizes {
  size_t total = 0;
  size_t min = 0;
};
// Zeros when there is no secure heap.
SecureHeapSizes ConfiguredSecureHeap();

}  // namespace ringjs::crypto

#endif  // SRC_BINDINGS_CRYPTO_SECURE_HEAP_H_
