// Handle: the base of every long-lived watcher (timers, phase callbacks,
// async, signal, poll), and the Prepare/Idle/Check phase handles.
//
// Ownership: the embedder owns handle objects. Close(cb) stops the handle; cb
// runs in the close phase of a later turn, after which the object may be
// deleted. A handle that was never started (or is stopped and not closing)
// may also simply be deleted. All methods must be called on the loop thread,
// except Async::Send.
#ifndef SRC_LOOP_HANDLE_H_
#define SRC_LOOP_HANDLE_H_

#include <functional>

#include "loop/list.h"

namespace ringjs::loop {

class Loop;

class Handle {
 public:
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  virtual ~Handle();

  // A referenced active handle keeps the loop alive (libuv uv_ref/uv_unref).
  void Ref();
  void Unref();
  bool HasRef() const { return ref_; }
  bool IsActive() const { return active_; }

  // Stops the handle and schedules on_close for the close phase. Calling it
  // twice is a no-op; on_close may be empty.
  void Close(std::function<void()> on_close);
  // True from Close() on, also after the close callback ran.
  bool IsClosing() const { return closing_; }

  Loop* loop() const { return loop_; }
  void* data() const { return data_; }
  void set_data(void* data) { data_ = data; }

 protected:
  explicit Handle(Loop* loop);

  // Marks the handle (in)active, keeping the loop's count of referenced
  // active handles (what IsAlive() looks at) in step.
  void SetActive(bool active);

  // Subclasses stop watching here; called once from Close().
  virtual void OnClose() {}

  Loop* loop_;

 private:
  friend class Loop;

  ListLink<Handle> all_link_{this};
  ListLink<Handle> close_link_{this};
  std::function<void()> close_cb_;
  void* data_ = nullptr;
  bool ref_ = true;
  bool active_ = false;
  bool closing_ = false;
};

// Shared implementation of Prepare, Idle and Check.
class PhaseHandle : public Handle {
 public:
  // Starts calling cb once per turn in this handle's phase. If the handle is
  // already active only the callback is replaced. Returns 0, or -EINVAL when
  // closing or cb is empty.
  int Start(std::function<void()> cb);
  void Stop();

 protected:
  enum class Phase { kPrepare, kIdle, kCheck };
  PhaseHandle(Loop* loop, Phase phase) : Handle(loop), phase_(phase) {}
  ~PhaseHandle() override;
  void OnClose() override { Stop(); }

 private:
  friend class Loop;
  const Phase phase_;
  std::function<void()> cb_;
  ListLink<PhaseHandle> phase_link_{this};
};

// Runs right before the poll phase.
class Prepare final : public PhaseHandle {
 public:
  explicit Prepare(Loop* loop) : PhaseHandle(loop, Phase::kPrepare) {}
};

// Runs before prepare; while any idle handle is active, poll does not block.
class Idle final : public PhaseHandle {
 public:
  explicit Idle(Loop* loop) : PhaseHandle(loop, Phase::kIdle) {}
};

// Runs right after the poll phase (Node's setImmediate).
class Check final : public PhaseHandle {
 public:
  explicit Check(Loop* loop) : PhaseHandle(loop, Phase::kCheck) {}
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_HANDLE_H_
