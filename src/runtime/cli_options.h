#ifndef RINGJS_RUNTIME_CLI_OPTIONS_H_
#define RINGJS_RUNTIME_CLI_OPTIONS_H_

#include <string>
#include <vector>

namespace ringjs {

// kTest: `--test [files]`, the test runner's own entry point.
enum class EntryKind { kFile, kEval, kPrint, kStdin, kNone, kTest };

struct CliOptions {
  EntryKind entry = EntryKind::kNone;
  std::string script;          // File path (kFile) or code (kEval/kPrint).
  std::vector<std::string> argv;       // process.argv after argv[0] and the script.
  std::vector<std::string> exec_argv;  // Runtime options, as process.execArgv.
  std::vector<std::string> env_exec_argv;  // Those from NODE_OPTIONS (not in execArgv).
  std::string exec_path;
  std::string argv0;           // argv[0] as given, for messages that name the program.
  bool print_help = false;
  bool print_version = false;
  bool force_repl = false;
  bool io_uring_sqpoll = false;  // --io-uring-sqpoll: kernel submission thread (measured opt-in).
  std::vector<std::string> v8_flags;
  bool openssl_legacy_provider = false;  // --openssl-legacy-provider
  long long secure_heap = 0;      // --secure-heap: bytes of OpenSSL secure heap (0: none).
  long long secure_heap_min = 2;  // --secure-heap-min: its smallest allocation.
};

// Parses argv like node does. Returns 0 on success; on a bad option prints node's message and
// returns the exit code to use (9).
int ParseCliOptions(int argc, char** argv, CliOptions* options);

// Whether the option's value may come as the next argument (`--require x`, `-C cond`,
// `--title x`): the parser and NODE_OPTIONS's reader agree on it.
bool OptionTakesSeparateValue(const std::string& option);

void PrintUsage();

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_CLI_OPTIONS_H_
