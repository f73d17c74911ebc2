#include "runtime/cli_options.h"

#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/node_options_env.h"
#include "v8.h"

namespace ringjs {
namespace {

// Whether V8 itself knows `arg` (a `--flag` or `--flag=value`): V8 removes the flags it parsed
// from the argument vector. Parsing also sets the flag, which the runtime would do anyway.
bool IsV8Flag(const std::string& arg) {
  if (arg.rfind("--", 0) != 0 || arg.size() == 2) return false;
  std::string copy = arg;
  char program[] = "ringjs";
  char* args[] = {program, copy.data(), nullptr};
  int count = 2;
  v8::V8::SetFlagsFromCommandLine(&count, args, true);
  return count == 1;
}

// Options that only change JS-side behaviour; kept in execArgv and read by lib/js.
bool IsJsOption(const std::string& arg) {
  static const char* const kOptions[] = {
      "--no-warnings",         "--trace-warnings",       "--no-deprecation",
      "--trace-deprecation",   "--throw-deprecation",    "--pending-deprecation",
      "--trace-uncaught",      "--enable-source-maps",   "--preserve-symlinks",
      "--preserve-symlinks-main", "--no-experimental-fetch", "--experimental-vm-modules",
      "--experimental-require-module", "--no-experimental-require-module", "--no-addons",
      "--abort-on-uncaught-exception", "--test-only", "--tls-min-v1.0", "--tls-min-v1.1",
      "--tls-min-v1.2", "--tls-min-v1.3", "--tls-max-v1.2", "--tls-max-v1.3",
      "--no-experimental-global-webcrypto", "--no-experimental-global-customevent",
      // Defaults in node 20, accepted as no-ops.
      "--experimental-fetch", "--experimental-global-webcrypto",
      "--experimental-global-customevent", "--experimental-abortcontroller",
      "--experimental-json-modules", "--experimental-top-level-await",
      // http (lib/js/internal/http/common.js).
      "--insecure-http-parser", "--no-insecure-http-parser"};
  for (const char* option : kOptions) {
    if (arg == option) return true;
  }
  static const char* const kValued[] = {"--unhandled-rejections=", "--input-type=",
                                        "--title=", "--conditions=", "--redirect-warnings=",
                                        // tls (lib/js/tls.js, internal/crypto/util.js).
                                        "--tls-cipher-list=", "--tls-keylog=",
                                        // node:test (lib/js/internal/test_runner).
                                        "--test-reporter=", "--test-reporter-destination=",
                                        "--test-name-pattern=", "--test-concurrency=",
                                        "--test-timeout=", "--max-http-header-size="};
  for (const char* prefix : kValued) {
    if (arg.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// JS-side options that take a value, which node also accepts as the next argument
// (`--title x`, `-C x`); they are kept in execArgv as given.
bool IsJsOptionWithValue(const std::string& arg) {
  static const char* const kOptions[] = {"--unhandled-rejections", "--input-type", "--title",
                                         "--conditions", "-C", "--test-reporter",
                                         "--tls-cipher-list", "--tls-keylog",
                                         "--test-reporter-destination", "--test-name-pattern",
                                         "--test-concurrency", "--test-timeout",
                                         "--max-http-header-size", "--redirect-warnings"};
  for (const char* option : kOptions) {
    if (arg == option) return true;
  }
  return false;
}

}  // namespace

bool OptionTakesSeparateValue(const std::string& option) {
  return IsJsOptionWithValue(option) || option == "-r" || option == "--require" ||
         option == "--secure-heap" || option == "--secure-heap-min";
}

namespace {

// Node's checks on the values of the JS-side options above. Returns false after printing the
// message node prints.
bool CheckJsOptionValue(const char* argv0, const std::string& name, const std::string& value) {
  if (name == "--unhandled-rejections") {
    static const char* const kModes[] = {"strict", "warn", "none", "throw",
                                         "warn-with-error-code"};
    for (const char* mode : kModes) {
      if (value == mode) return true;
    }
    std::fprintf(stderr, "%s: invalid value for --unhandled-rejections\n", argv0);
    return false;
  }
  if (name == "--input-type" && value != "module" && value != "commonjs") {
    std::fprintf(stderr, "%s: --input-type must be \"module\" or \"commonjs\"\n", argv0);
    return false;
  }
  return true;
}

std::string ExecutablePath(const char* argv0) {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) return std::string(buf, static_cast<size_t>(n));
  return argv0;
}

}  // namespace

int ParseCliOptions(int argc, char** argv, CliOptions* options) {
  options->exec_path = ExecutablePath(argv[0]);
  options->argv0 = argv[0];
  // NODE_OPTIONS come first, as node reads them; they do not show in execArgv.
  std::vector<std::string> env_tokens;
  const char* node_options = getenv("NODE_OPTIONS");
  if (node_options != nullptr && !ReadNodeOptions(argv[0], node_options, &env_tokens)) return 9;
  std::vector<char*> args = {argv[0]};
  for (std::string& token : env_tokens) args.push_back(token.data());
  for (int k = 1; k < argc; k++) args.push_back(argv[k]);
  args.push_back(nullptr);
  const int command_line_start = 1 + static_cast<int>(env_tokens.size());
  argc = static_cast<int>(args.size()) - 1;
  argv = args.data();
  size_t exec_argv_from_env = 0;
  int i = 1;
  bool entry_from_option = false;
  bool print = false;
  bool check = false;
  bool test_runner = false;
  for (; i < argc; i++) {
    if (i == command_line_start) exec_argv_from_env = options->exec_argv.size();
    std::string arg = argv[i];
    if (arg == "--") {
      i++;
      break;
    }
    if (arg == "-" ) break;
    if (arg.empty() || arg[0] != '-') break;
    // As node: an option's value may not itself start with '-' (`-e -1` is an error).
    auto takes_value = [&](const char* name) -> const char* {
      if (i + 1 >= argc || argv[i + 1][0] == '-') {
        std::fprintf(stderr, "%s: %s requires an argument\n", argv[0], name);
        return nullptr;
      }
      return argv[++i];
    };
    if (arg == "-e" || arg == "--eval" || arg == "-pe") {
      std::string flag = arg;
      const char* code = takes_value(arg.c_str());
      if (code == nullptr) return 9;
      if (flag == "-pe") print = true;
      options->script = code;
      options->exec_argv.push_back(flag);
      options->exec_argv.push_back(code);
      entry_from_option = true;
    } else if (arg == "--eval=" || arg == "--require=") {
      std::fprintf(stderr, "%s: %s requires an argument\n", argv[0], arg.c_str());
      return 9;
    } else if (arg.rfind("--eval=", 0) == 0) {
      options->script = arg.substr(arg.find('=') + 1);
      options->exec_argv.push_back(arg);
      entry_from_option = true;
    } else if (arg == "-p" || arg == "--print" || arg.rfind("--print=", 0) == 0) {
      // Node's `--print` is a flag; `-p CODE` is its alias for `--print --eval CODE`, taken
      // when the next argument is not an option (any `=value` of --print is ignored). Without
      // code, print mode evaluates the script read from stdin.
      print = true;
      options->exec_argv.push_back(arg);
      if (i + 1 < argc && argv[i + 1][0] != '-') {
        options->script = argv[++i];
        options->exec_argv.push_back(options->script);
        entry_from_option = true;
      }
    } else if (arg == "--test") {
      // Every argument after the options names test files (internal/main/test_runner).
      test_runner = true;
      options->exec_argv.push_back(arg);
    } else if (arg == "-c" || arg == "--check") {
      check = true;
      options->exec_argv.push_back(arg);
    } else if (arg == "--openssl-legacy-provider") {
      options->openssl_legacy_provider = true;
      options->exec_argv.push_back(arg);
    } else if (arg == "--v8-options") {
      // As node: V8's own option list (V8 prints it and exits when it reads --help).
      options->v8_flags.push_back("--help");
    } else if (arg == "-v" || arg == "--version") {
      options->print_version = true;
    } else if (arg == "-h" || arg == "--help") {
      options->print_help = true;
    } else if (arg == "--io-uring-sqpoll") {
      options->io_uring_sqpoll = true;
      options->exec_argv.push_back(arg);
    } else if (arg == "--secure-heap" || arg == "--secure-heap-min" ||
               arg.rfind("--secure-heap=", 0) == 0 || arg.rfind("--secure-heap-min=", 0) == 0) {
      // OpenSSL's secure heap (crypto.secureHeapUsed()); a value that is not a number is 0.
      size_t eq = arg.find('=');
      std::string name = arg.substr(0, eq);
      const char* value = eq != std::string::npos ? arg.c_str() + eq + 1 : takes_value(arg.c_str());
      if (value == nullptr) return 9;
      long long size = std::strtoll(value, nullptr, 10);
      (name == "--secure-heap" ? options->secure_heap : options->secure_heap_min) = size;
      options->exec_argv.push_back(arg);
      if (eq == std::string::npos) options->exec_argv.push_back(value);
    } else if (arg == "-i" || arg == "--interactive") {
      options->force_repl = true;
      options->exec_argv.push_back(arg);
    } else if (arg == "-r" || arg == "--require") {
      const char* module = takes_value(arg.c_str());
      if (module == nullptr) return 9;
      options->exec_argv.push_back(arg);
      options->exec_argv.push_back(module);
    } else if (arg.rfind("--require=", 0) == 0) {
      // Kept as given in execArgv, as node does; run_main.js reads both spellings.
      options->exec_argv.push_back(arg);
    } else if (IsJsOptionWithValue(arg)) {
      const char* value = takes_value(arg.c_str());
      if (value == nullptr || !CheckJsOptionValue(argv[0], arg, value)) return 9;
      options->exec_argv.push_back(arg);
      options->exec_argv.push_back(value);
    } else if (IsJsOption(arg)) {
      size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        if (eq + 1 == arg.size()) {
          std::fprintf(stderr, "%s: %s requires an argument\n", argv[0], arg.c_str());
          return 9;
        }
        if (!CheckJsOptionValue(argv[0], arg.substr(0, eq), arg.substr(eq + 1))) return 9;
      }
      options->exec_argv.push_back(arg);
    } else if (IsV8Flag(arg)) {
      // As node: any option V8 knows (--max-old-space-size, --expose-gc, --prof, ...) is V8's.
      options->v8_flags.push_back(arg);
      options->exec_argv.push_back(arg);
    } else {
      std::fprintf(stderr, "%s: bad option: %s\n", argv[0], arg.c_str());
      return 9;
    }
  }
  if (i <= command_line_start) exec_argv_from_env = options->exec_argv.size();
  auto from_env_end = options->exec_argv.begin() + static_cast<long>(exec_argv_from_env);
  options->env_exec_argv.assign(options->exec_argv.begin(), from_env_end);
  options->exec_argv.erase(options->exec_argv.begin(), from_env_end);
  auto given = [&](const char* flag) {
    for (const std::string& arg : options->exec_argv) {
      if (arg == flag) return true;
    }
    for (const std::string& arg : options->env_exec_argv) {
      if (arg == flag) return true;
    }
    return false;
  };
  if (given("--tls-min-v1.3") && given("--tls-max-v1.2")) {
    std::fprintf(stderr, "%s: either --tls-min-v1.3 or --tls-max-v1.2 can be used, not both\n",
                 argv[0]);
    return 9;
  }
  // As node: both secure-heap sizes are checked, each failure reported, then exit 9.
  auto power_of_two = [](long long n) { return n >= 0 && (n & (n - 1)) == 0; };
  bool heap_ok = power_of_two(options->secure_heap);
  bool heap_min_ok = options->secure_heap == 0 || power_of_two(options->secure_heap_min);
  if (!heap_ok) std::fprintf(stderr, "%s: --secure-heap must be a power of 2\n", argv[0]);
  if (!heap_min_ok) std::fprintf(stderr, "%s: --secure-heap-min must be a power of 2\n", argv[0]);
  if (!heap_ok || !heap_min_ok) return 9;
  if (check && entry_from_option) {
    std::fprintf(stderr, "%s: either --check or --eval can be used, not both\n", argv[0]);
    return 9;
  }
  if (test_runner && !entry_from_option && !check) {
    options->entry = EntryKind::kTest;
  } else if (entry_from_option) {
    options->entry = print ? EntryKind::kPrint : EntryKind::kEval;
  } else {
    if (i < argc && std::strcmp(argv[i], "-") != 0) {
      options->entry = EntryKind::kFile;
      options->script = argv[i++];
    } else if (i < argc) {
      // An explicit `-` stays in process.argv (argv[1] === '-'), as in node; a script piped
      // without it leaves process.argv with the executable alone.
      options->entry = EntryKind::kStdin;
    } else {
      options->entry = isatty(STDIN_FILENO) ? EntryKind::kNone : EntryKind::kStdin;
    }
  }
  for (; i < argc; i++) options->argv.push_back(argv[i]);
  return 0;
}

void PrintUsage() {
  std::fputs(
      "Usage: ringjs [options] [ script.js ] [arguments]\n"
      "\n"
      "Options:\n"
      "  -                           script read from stdin (default if no file name is\n"
      "                              provided and stdin is not a terminal)\n"
      "  --                          indicate the end of ringjs options\n"
      "  -c, --check                 syntax check script without executing\n"
      "  -e, --eval script           evaluate script\n"
      "  -p, --print script          evaluate script and print result\n"
      "  -r, --require module        module to preload (option can be repeated)\n"
      "  -h, --help                  print ringjs command line options\n"
      "  -v, --version               print ringjs version\n"
      "  --no-warnings               silence all process warnings\n"
      "  --trace-warnings            show stack traces on process warnings\n"
      "  --unhandled-rejections=...  define unhandled rejections behavior\n"
      "  --expose-gc                 expose gc() (V8 option)\n"
      "  --max-old-space-size=...    V8 heap limit in MiB\n"
      "  --io-uring-sqpoll           submit I/O through a kernel polling thread\n"
      "\n"
      "Environment variables:\n"
      "  NODE_DEBUG                  ','-separated core modules that print debug info\n"
      "  RINGJS_IO_URING=0           use the epoll backend instead of io_uring\n"
      "  RINGJS_DEBUG=loop           print which loop backend was chosen and why\n"
      "  RINGJS_DEBUG=code-cache     print how many builtins came from the code cache\n"
      "  UV_THREADPOOL_SIZE          thread pool size (default 4)\n"
      "\n"
      "Documentation can be found at https://nodejs.org/ (ringjs follows the Node.js API)\n",
      stdout);
}

}  // namespace ringjs
