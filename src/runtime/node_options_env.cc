#include "runtime/node_options_env.h"

#include <algorithm>
#include <cstdio>

#include "runtime/cli_options.h"

namespace ringjs {
namespace {

// ringjs's own options that may also come from the environment.
constexpr const char* kRingjsEnvironmentFlags[] = {"--io-uring-sqpoll"};

bool IsAllowed(std::string name) {
  // V8 spells its flags with either separator.
  std::replace(name.begin(), name.end(), '_', '-');
  const std::vector<std::string>& allowed = AllowedEnvironmentFlags();
  auto listed = [&](const std::string& flag) {
    if (std::find(allowed.begin(), allowed.end(), flag) != allowed.end()) return true;
    for (const char* own : kRingjsEnvironmentFlags) {
      if (flag == own) return true;
    }
    return false;
  };
  if (listed(name)) return true;
  // A boolean flag's negation (`--no-expose-gc`) is allowed with the flag.
  return name.rfind("--no-", 0) == 0 && listed("--" + name.substr(5));
}

}  // namespace

const std::vector<std::string>& AllowedEnvironmentFlags() {
  static const auto* flags = new std::vector<std::string>{
    "--watch-preserve-output", "--no-watch-preserve-output", "--heapsnapshot-near-heap-limit",
    "--disable-warning", "--heapsnapshot-signal", "--force-async-hooks-checks",
    "--no-force-async-hooks-checks", "--diagnostic-dir", "--expose-gc",
    "--experimental-wasi-unstable-preview1", "--experimental-vm-modules",
    "--no-experimental-vm-modules", "--deprecation", "--no-deprecation", "--tls-min-v1.0",
    "--no-tls-min-v1.0", "--allow-wasi", "--no-allow-wasi", "--inspect-port",
    "--experimental-fetch", "--no-experimental-fetch", "--http-parser", "--experimental-loader",
    "--enable-source-maps", "--no-enable-source-maps", "--input-type", "--jitless",
    "--experimental-require-module", "--no-experimental-require-module",
    "--experimental-network-imports", "--no-experimental-network-imports", "--inspect",
    "--no-inspect", "--experimental-global-webcrypto", "--no-experimental-global-webcrypto",
    "--experimental-policy", "--track-heap-objects", "--no-track-heap-objects",
    "--experimental-detect-module", "--no-experimental-detect-module", "--policy-integrity",
    "--trace-atomics-wait", "--no-trace-atomics-wait", "--allow-addons", "--no-allow-addons",
    "--verify-base-objects", "--no-verify-base-objects", "--allow-fs-read",
    "--experimental-report", "--experimental-modules", "--experimental-abortcontroller",
    "--watch", "--no-watch", "--experimental-default-type", "--trace-deprecation",
    "--no-trace-deprecation", "--disallow-code-generation-from-strings", "--title",
    "--throw-deprecation", "--no-throw-deprecation", "--insecure-http-parser",
    "--no-insecure-http-parser", "--force-node-api-uncaught-exceptions-policy",
    "--no-force-node-api-uncaught-exceptions-policy", "--node-memory-debug",
    "--experimental-specifier-resolution", "--addons", "--no-addons", "--warnings",
    "--no-warnings", "--tls-min-v1.1", "--no-tls-min-v1.1", "--pending-deprecation",
    "--no-pending-deprecation", "--tls-min-v1.2", "--no-tls-min-v1.2", "--preserve-symlinks-main",
    "--no-preserve-symlinks-main", "--allow-fs-write", "--global-search-paths",
    "--no-global-search-paths", "--experimental-global-customevent",
    "--no-experimental-global-customevent", "--import", "--trace-sigint", "--no-trace-sigint",
    "--experimental-json-modules", "--openssl-shared-config", "--no-openssl-shared-config",
    "--conditions", "--heap-prof-interval", "--disable-proto", "--zero-fill-buffers",
    "--no-zero-fill-buffers", "--experimental-worker", "--test-shard", "--use-bundled-ca",
    "--no-use-bundled-ca", "--experimental-top-level-await", "--openssl-legacy-provider",
    "--no-openssl-legacy-provider", "--v8-pool-size", "--force-fips", "--no-force-fips",
    "--experimental-shadow-realm", "--no-experimental-shadow-realm", "--preserve-symlinks",
    "--no-preserve-symlinks", "--secure-heap-min", "--abort-on-uncaught-exception",
    "--trace-event-categories", "--network-family-autoselection-attempt-timeout", "--report-dir",
    "--disable-wasm-trap-handler", "--no-disable-wasm-trap-handler", "--unhandled-rejections",
    "--snapshot-blob", "--report-exclude-network", "--no-report-exclude-network",
    "--experimental-websocket", "--no-experimental-websocket", "--tls-min-v1.3",
    "--no-tls-min-v1.3", "--enable-fips", "--no-enable-fips", "--report-on-fatalerror",
    "--no-report-on-fatalerror", "--huge-max-old-generation-size", "--node-snapshot",
    "--no-node-snapshot", "--icu-data-dir", "--report-filename", "--experimental-permission",
    "--no-experimental-permission", "--interpreted-frames-native-stack", "--tls-cipher-list",
    "--watch-path", "--experimental-wasm-modules", "--no-experimental-wasm-modules",
    "--use-openssl-ca", "--no-use-openssl-ca", "--use-largepages", "--experimental-eventsource",
    "--no-experimental-eventsource", "--test-reporter", "--secure-heap", "--require",
    "--napi-modules", "--tls-keylog", "--extra-info-on-fatal-exception",
    "--no-extra-info-on-fatal-exception", "--stack-trace-limit", "--openssl-config",
    "--trace-uncaught", "--no-trace-uncaught", "--experimental-repl-await",
    "--no-experimental-repl-await", "--trace-warnings", "--no-trace-warnings", "--trace-tls",
    "--no-trace-tls", "--tls-max-v1.2", "--no-tls-max-v1.2", "--perf-basic-prof-only-functions",
    "--experimental-print-required-tla", "--no-experimental-print-required-tla",
    "--report-compact", "--no-report-compact", "--debug-arraybuffer-allocations",
    "--no-debug-arraybuffer-allocations", "--trace-sync-io", "--no-trace-sync-io",
    "--force-context-aware", "--no-force-context-aware", "--max-semi-space-size",
    "--perf-prof-unwinding-info", "--allow-child-process", "--no-allow-child-process",
    "--trace-event-file-pattern", "--test-reporter-destination", "--heap-prof-dir",
    "--allow-worker", "--no-allow-worker", "--report-signal", "--dns-result-order", "--test-only",
    "--no-test-only", "--network-family-autoselection", "--no-network-family-autoselection",
    "--report-uncaught-exception", "--no-report-uncaught-exception", "--enable-etw-stack-walking",
    "--perf-basic-prof", "--max-old-space-size", "--inspect-wait", "--no-inspect-wait",
    "--perf-prof", "--trace-exit", "--no-trace-exit", "--heap-prof-name", "--frozen-intrinsics",
    "--no-frozen-intrinsics", "--inspect-brk", "--no-inspect-brk", "--inspect-publish-uid",
    "--tls-max-v1.3", "--no-tls-max-v1.3", "--redirect-warnings", "--max-http-header-size",
    "--heap-prof", "--no-heap-prof", "--report-on-signal", "--no-report-on-signal",
    "--trace-promises", "--no-trace-promises", "--trace-require-module",
    "--experimental-import-meta-resolve", "--no-experimental-import-meta-resolve", "--debug-port",
    "-C", "--enable-network-family-autoselection", "--prof-process", "--loader", "-r",
    "--trace-events-enabled", "--es-module-specifier-resolution", "--report-directory",
  };
  return *flags;
}

bool ReadNodeOptions(const char* argv0, const char* value, std::vector<std::string>* tokens) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  bool quoted = false;
  for (const char* p = value; *p != '\0'; p++) {
    char c = *p;
    if (quoted && c == '\\' && p[1] != '\0') {
      word += *++p;
    } else if (c == '"') {
      quoted = !quoted;
      in_word = true;
    } else if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quoted) {
    std::fprintf(stderr, "%s: invalid value for NODE_OPTIONS (unterminated string)\n", argv0);
    return false;
  }
  if (in_word) words.push_back(word);

  bool value_expected = false;
  for (const std::string& token : words) {
    if (value_expected) {
      tokens->push_back(token);
      value_expected = false;
      continue;
    }
    if (token.empty() || token[0] != '-') continue;  // Not an option: node ignores it.
    std::string name = token.substr(0, token.find('='));
    if (!IsAllowed(name)) {
      std::fprintf(stderr, "%s: %s is not allowed in NODE_OPTIONS\n", argv0, name.c_str());
      return false;
    }
    tokens->push_back(token);
    value_expected = token.find('=') == std::string::npos && OptionTakesSeparateValue(token);
  }
  if (value_expected) {
    // Its value may not come from the command line.
    std::fprintf(stderr, "%s: %s requires an argument\n", argv0, tokens->back().c_str());
    return false;
  }
  return true;
}

}  // namespace ringjs
