// Startup and loop milestones for performance.nodeTiming: monotonic nanoseconds (Loop::HrTime)
// recorded where startup reaches them. The first two are per process, the rest per Environment.
#ifndef RINGJS_RUNTIME_PERFORMANCE_MILESTONES_H_
#define RINGJS_RUNTIME_PERFORMANCE_MILESTONES_H_

#include "runtime/environment.h"

namespace ringjs::perf {

enum Milestone {
  kNodeStart = 0,      // main() entered.
  kV8Start,            // Before V8 is initialized.
  kEnvironment,        // The Environment exists.
  kBootstrapComplete,  // Internal JS bootstrapped, before the entry script.
  kLoopStart,          // The event loop starts running.
  kLoopExit,           // The event loop has ended.
  kMilestoneCount
};

void MarkProcessMilestone(Milestone milestone);
void MarkMilestone(Environment* env, Milestone milestone);
// Nanoseconds when `milestone` was reached, or -1 if it was not (yet).
double MilestoneTime(Environment* env, Milestone milestone);

}  // namespace ringjs::perf

#endif  // RINGJS_RUNTIME_PERFORMANCE_MILESTONES_H_
