// ringjs: run a Node.js program on V8 and an io_uring event loop.
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "bindings/crypto_providers.h"
#include "bindings/crypto_secure_heap.h"
#include "runtime/cli_options.h"
#include "runtime/code_cache.h"
#include "runtime/fd_limit.h"
#include "runtime/performance_milestones.h"
#include "runtime/runtime.h"
#include "runtime/terminal_state.h"
#include "runtime/v8_host.h"
#include "runtime/version.h"

#ifndef RINGJS_CODE_CACHE_GENERATOR
// The builtins' code caches, assembled into the binary from the first stage's output
// (src/runtime/code_cache_blob.S).
extern "C" const uint8_t ringjs_code_cache_blob[];
extern "C" const uint8_t ringjs_code_cache_blob_end[];
#endif

int main(int argc, char** argv) {
  ringjs::perf::MarkProcessMilestone(ringjs::perf::kNodeStart);
  ringjs::CliOptions options;
  if (int code = ringjs::ParseCliOptions(argc, argv, &options); code != 0) return code;
  if (options.print_version) {
    std::printf("v%s\n", ringjs::kRingjsVersion);
    return 0;
  }
  if (options.print_help) {
    ringjs::PrintUsage();
    return 0;
  }
  // A closed pipe is an EPIPE error for the writer, never a fatal signal (as node).
  std::signal(SIGPIPE, SIG_IGN);
  // Writing past RLIMIT_FSIZE is an EFBIG error for the writer, not a killed process (as node);
  // children get every signal back at its default (process_spawn.cc).
  std::signal(SIGXFSZ, SIG_IGN);
  ringjs::RaiseOpenFileLimit();
  // Before anything allocates through OpenSSL; crypto.secureHeapUsed() reports on it.
  if (options.secure_heap > 0 &&
      !ringjs::crypto::InitSecureHeap(static_cast<size_t>(options.secure_heap),
                                      static_cast<size_t>(options.secure_heap_min))) {
    std::fprintf(stderr, "Unable to initialize openssl secure heap.\n");
  }
  if (options.openssl_legacy_provider) ringjs::crypto::LoadLegacyProvider();
#ifdef RINGJS_CODE_CACHE_GENERATOR
  // The build's first stage: runs the workload and writes the caches it compiled.
  if (const char* out = std::getenv("RINGJS_CODE_CACHE_OUT")) ringjs::code_cache::RecordTo(out);
#else
  ringjs::code_cache::UseEmbedded(ringjs_code_cache_blob,
                                  ringjs_code_cache_blob_end - ringjs_code_cache_blob);
#endif
  ringjs::perf::MarkProcessMilestone(ringjs::perf::kV8Start);
  ringjs::V8Host::Initialize(argv[0], options.v8_flags);
  int exit_code = ringjs::RunMain(options);
  ringjs::RestoreTerminals();
  std::fflush(nullptr);
  // Skip V8 teardown and static destructors: the OS reclaims everything faster.
  std::_Exit(exit_code);
}
