// NODE_OPTIONS: options read from the environment ahead of the command line's, as node does.
#ifndef RINGJS_RUNTIME_NODE_OPTIONS_ENV_H_
#define RINGJS_RUNTIME_NODE_OPTIONS_ENV_H_

#include <string>
#include <vector>

namespace ringjs {

// The options node 20 allows in NODE_OPTIONS (process.allowedNodeEnvironmentFlags), in node's
// iteration order.
const std::vector<std::string>& AllowedEnvironmentFlags();

// Splits NODE_OPTIONS as node does (whitespace between options, "..." keeps spaces, \ escapes
// within quotes) and checks that each option may come from the environment. Tokens that are
// neither an option nor the value of the option before them are dropped, as node ignores them.
// Returns false after printing node's message (the caller exits with 9).
bool ReadNodeOptions(const char* argv0, const char* value, std::vector<std::string>* tokens);

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_NODE_OPTIONS_ENV_H_
