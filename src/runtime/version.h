#ifndef RINGJS_RUNTIME_VERSION_H_
#define RINGJS_RUNTIME_VERSION_H_

namespace ringjs {

constexpr const char kRingjsVersion[] = RINGJS_VERSION;
// The Node.js API level ringjs matches; process.version reports it so packages that check
// engine ranges accept us.
constexpr const char kNodeVersion[] = "20.20.2";

}  // namespace ringjs

#endif  // RINGJS_RUNTIME_VERSION_H_
