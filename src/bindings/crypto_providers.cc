#include "bindings/crypto_providers.h"

#include <openssl/err.h>
#include <openssl/provider.h>

namespace ringjs::crypto {

bool LoadLegacyProvider() {
  // Loading any provider explicitly stops the default one from loading implicitly: load both.
  bool ok = OSSL_PROVIDER_load(nullptr, "legacy") != nullptr &&
            OSSL_PROVIDER_load(nullptr, "default") != nullptr;
  ERR_clear_error();
  return ok;
}

}  // namespace ringjs::crypto
