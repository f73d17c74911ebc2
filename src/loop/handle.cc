#include "loop/handle.h"

#include <cerrno>

#include "loop/loop.h"

namespace ringjs::loop {

Handle::Handle(Loop* loop) : loop_(loop) {
  loop_->handles_.PushBack(&all_link_);
}

Handle::~Handle() {
  // Subclasses stop themselves first; this only fixes the count if one
  // forgot.
  SetActive(false);
}

void Handle::SetActive(bool active) {
  if (active_ == active) return;
  active_ = active;
  if (!ref_ || loop_ == nullptr) return;
  if (active)
    loop_->active_handles_++;
  else
    loop_->active_handles_--;
}

void Handle::Ref() {
  if (ref_) return;
  ref_ = true;
  if (active_ && loop_ != nullptr) loop_->active_handles_++;
}

void Handle::Unref() {
  if (!ref_) return;
  ref_ = false;
  if (active_ && loop_ != nullptr) loop_->active_handles_--;
}

void Handle::Close(std::function<void()> on_close) {
  if (IsClosing() || loop_ == nullptr) return;
  closing_ = true;
  OnClose();
  SetActive(false);
  close_cb_ = std::move(on_close);
  loop_->closing_.PushBack(&close_link_);
}

PhaseHandle::~PhaseHandle() { Stop(); }

int PhaseHandle::Start(std::function<void()> cb) {
  if (IsClosing() || !cb || loop_ == nullptr) return -EINVAL;
  cb_ = std::move(cb);
  if (IsActive()) return 0;
  List<PhaseHandle>* list = nullptr;
  switch (phase_) {
    case Phase::kPrepare:
      list = &loop_->prepare_;
      break;
    case Phase::kIdle:
      list = &loop_->idle_;
      break;
    case Phase::kCheck:
      list = &loop_->check_;
      break;
  }
  list->PushBack(&phase_link_);
  SetActive(true);
  return 0;
}

void PhaseHandle::Stop() {
  phase_link_.Unlink();
  SetActive(false);
}

}  // namespace ringjs::loop
