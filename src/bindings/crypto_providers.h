// OpenSSL providers beyond the default one, chosen on the command line before any crypto runs.
#ifndef SRC_BINDINGS_CRYPTO_PROVIDERS_H_
#define SRC_BINDINGS_CRYPTO_PROVIDERS_H_

namespace ringjs::crypto {

// --openssl-legacy-provider: MD4, RC4, Blowfish and the other legacy algorithms, beside the
// default provider (as node). False if OpenSSL could not load them.
bool LoadLegacyProvider();

}  // namespace ringjs::crypto

#endif  // SRC_BINDINGS_CRYPTO_PROVIDERS_H_
