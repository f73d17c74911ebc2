#include "runtime/performance_milestones.h"

#include <atomic>
#include <memory>

#include "loop/loop.h"

namespace ringjs::perf {
namespace {

constexpr const char* kDataName = "perf.milestones";

std::atomic<double> g_process_milestones[kV8Start + 1] = {-1, -1};

class Milestones : public BindingData {
 public:
  double times[kMilestoneCount] = {-1, -1, -1, -1, -1, -1};
};

Milestones* Get(Environment* env) {
  Milestones* data = env->binding_data<Milestones>(kDataName);
  if (data == nullptr) data = env->set_binding_data(kDataName, std::make_unique<Milestones>());
  return data;
}

}  // namespace

void MarkProcessMilestone(Milestone milestone) {
  if (milestone > kV8Start) return;
  g_process_milestones[milestone] = static_cast<double>(loop::Loop::HrTime());
}

void MarkMilestone(Environment* env, Milestone milestone) {
  Get(env)->times[milestone] = static_cast<double>(loop::Loop::HrTime());
}

double MilestoneTime(Environment* env, Milestone milestone) {
  if (milestone <= kV8Start) return g_process_milestones[milestone];
  return Get(env)->times[milestone];
}

}  // namespace ringjs::perf
