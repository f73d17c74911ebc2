#include "loop/loop.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>

#include "loop/blocking_ops.h"
#include "loop/io_backend.h"
#include "loop/signal_watcher.h"

namespace ringjs::loop {

namespace {

// Errno of a failed automatic io_uring probe, so later loops (workers) skip
// straight to epoll: probing can be slow, and on some systems fatal.
std::atomic<int> g_uring_probe_error{0};

bool DebugEnabled() {
  const char* value = getenv("RINGJS_DEBUG");
  if (value == nullptr) return false;
  const char* p = value;
  while (*p != '\0') {
    const char* end = strchr(p, ',');
    size_t len = end == nullptr ? strlen(p) : static_cast<size_t>(end - p);
    if (len == 4 && strncmp(p, "loop", 4) == 0) return true;
    if (end == nullptr) break;
    p = end + 1;
  }
  return false;
}

bool UringDisabledByEnv() {
  const char* value = getenv("RINGJS_IO_URING");
  return value != nullptr && strcmp(value, "0") == 0;
}

struct WorkItem {
  PoolTask task;
  std::function<void()> work;
  std::function<void(int)> after_work;
  Loop* loop;
};

}  // namespace

Loop::Loop() = default;

std::unique_ptr<Loop> Loop::Create() { return Create(LoopOptions()); }

std::unique_ptr<Loop> Loop::Create(Backend backend) {
  LoopOptions options;
  options.backend = backend;
  return Create(options);
}

std::unique_ptr<Loop> Loop::Create(const LoopOptions& options) {
  std::unique_ptr<Loop> loop(new Loop());
  std::string why;
  if (!loop->Init(options, &why)) {
    if (DebugEnabled())
      fprintf(stderr, "ringjs:loop: no loop: %s\n", why.c_str());
    return nullptr;
  }
  if (DebugEnabled()) {
    fprintf(stderr, "ringjs:loop: backend=%s (%s)\n", loop->backend_name(),
            why.c_str());
  }
  return loop;
}

bool Loop::Init(const LoopOptions& options, std::string* why) {
  // Blocking on purpose: io_uring completes a READ on an O_NONBLOCK file
  // with -EAGAIN on some kernels instead of waiting. Writers never block in
  // practice (the counter would have to reach 2^64-2).
  wake_fd_ = eventfd(0, EFD_CLOEXEC);
  if (wake_fd_ < 0) {
    *why = std::string("eventfd: ") + strerror(errno);
    return false;
  }
  pool_size_ = options.thread_pool_size != 0 ? options.thread_pool_size
                                             : ThreadPool::SizeFromEnv();
  if (pool_size_ > 1024) pool_size_ = 1024;
  UpdateTime();

  Backend want = options.backend;
  std::string reason;
  if (want == Backend::kAuto) {
    int cached = g_uring_probe_error.load();
    if (UringDisabledByEnv()) {
      want = Backend::kEpoll;
      reason = "RINGJS_IO_URING=0";
    } else if (cached != 0) {
      want = Backend::kEpoll;
      reason = std::string("io_uring unavailable (earlier probe: ") +
               strerror(-cached) + ")";
    }
  }
  if (want != Backend::kEpoll) {
    int error = 0;
    std::string detail;
    backend_ = CreateUringBackend(this, options, &detail, &error);
    if (backend_) {
      *why = detail;
      return true;
    }
    if (want == Backend::kIoUring) {
      *why = detail;
      return false;
    }
    g_uring_probe_error.store(error != 0 ? error : -ENOSYS);
    reason = detail;
  } else if (reason.empty()) {
    reason = "requested";
  }
  int error = 0;
  std::string detail;
  backend_ = CreateEpollBackend(this, &detail, &error);
  if (!backend_) {
    *why = detail;
    return false;
  }
  *why = reason;
  return true;
}

Loop::~Loop() {
  destroying_ = true;
  if (DebugEnabled()) {
    fprintf(stderr,
            "ringjs:loop: turns=%llu enters=%llu sqes=%llu cqes=%llu queued=%llu "
            "max_in_flight=%llu cancels=%llu pool_tasks=%llu pool_fallbacks=%llu enobufs=%llu\n",
            (unsigned long long)counters_.turns, (unsigned long long)counters_.enters,
            (unsigned long long)counters_.sqes_submitted, (unsigned long long)counters_.cqes_reaped,
            (unsigned long long)counters_.ops_queued, (unsigned long long)counters_.max_in_flight,
            (unsigned long long)counters_.cancels, (unsigned long long)counters_.pool_tasks,
            (unsigned long long)counters_.pool_fallbacks, (unsigned long long)counters_.enobufs);
  }
  // The signal watcher owns a Poll on the backend; stop it first.
  signals_.reset();
  // Join the workers: running tasks finish, queued ones are dropped.
  pool_.reset();
  if (backend_) backend_->Shutdown();
  // Requests completed but not yet delivered just become idle.
  while (Request* req = deferred_.PopFront()) req->state_ = Request::State::kIdle;
  while (Request* req = deferred_next_turn_.PopFront()) req->state_ = Request::State::kIdle;
  while (Request* req = deferred_next_poll_.PopFront()) req->state_ = Request::State::kIdle;
  backend_.reset();
  // Handles the embedder did not close are detached from the dying loop.
  handles_.ForEach([](Handle* handle) {
    handle->loop_ = nullptr;
    handle->active_ = false;
  });
  handles_.Clear();
  if (wake_fd_ >= 0) close(wake_fd_);
}

const char* Loop::backend_name() const { return backend_->name(); }

size_t Loop::ops_in_flight() const { return backend_->ops_in_flight(); }

uint64_t Loop::HrTime() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u +
         static_cast<uint64_t>(ts.tv_nsec);
}

void Loop::UpdateTime() { now_ms_ = HrTime() / 1000000u; }

void Loop::Stop() { stop_flag_ = true; }

bool Loop::IsAlive() const {
  return active_handles_ > 0 || active_reqs_ > 0 || !closing_.empty();
}

// libuv 1.46's uv_run (node 20): in default mode the due timers run once before the first
// turn; after that they run at the end of each turn, right before the liveness check, so a
// loop whose last timer leaves only unreferenced handles stops without another check phase.
bool Loop::Run(RunMode mode) {
  bool alive = IsAlive();
  if (!alive) UpdateTime();
  if (mode == RunMode::kDefault && alive && !stop_flag_) {
    UpdateTime();
    RunTimers();
  }
  while (alive && !stop_flag_) {
    bool can_sleep = pending_.empty() && idle_.empty();
    RunPending();
    RunPhase(&idle_);
    RunPhase(&prepare_);

    deferred_next_poll_.MoveTo(&deferred_);
    int timeout = 0;
    if ((mode == RunMode::kOnce && can_sleep) || mode == RunMode::kDefault) {
      timeout = PollTimeout();
    }
    counters_.turns++;
    backend_->Wait(timeout);
    DeliverDeferred();
    // Callbacks queued for the pending phase by poll run now, a few rounds at most so they
    // cannot starve the rest of the turn (libuv 1.46).
    for (int round = 0; round < 8 && RunPending(); round++) {
    }

    RunPhase(&check_);
    deferred_next_turn_.MoveTo(&deferred_);
    RunClosing();
    UpdateTime();
    RunTimers();
    alive = IsAlive();
    if (mode == RunMode::kOnce || mode == RunMode::kNoWait) break;
  }
  stop_flag_ = false;
  return alive;
}

int Loop::PollTimeout() const {
  if (stop_flag_) return 0;
  if (active_handles_ == 0 && active_reqs_ == 0) return 0;
  if (!pending_.empty() || !idle_.empty() || !closing_.empty() ||
      !deferred_.empty() || !deferred_next_turn_.empty() || !deferred_next_poll_.empty() ||
      backend_->HasPendingWork()) {
    return 0;
  }
  Timer* timer = timers_.Top();
  if (timer == nullptr) return -1;
  if (timer->due_ <= now_ms_) return 0;
  uint64_t diff = timer->due_ - now_ms_;
  return diff > INT_MAX ? INT_MAX : static_cast<int>(diff);
}

void Loop::RunTimers() {
  // Collect every due timer first, as libuv 1.45+: a timer (re)started by a
  // callback of this phase, even with timeout 0, waits for the next phase.
  List<Timer> ready;
  for (;;) {
    Timer* timer = timers_.Top();
    if (timer == nullptr || timer->due_ > now_ms_) break;
    timer->Stop();
    ready.PushBack(&timer->ready_link_);
  }
  while (Timer* timer = ready.PopFront()) {
    // Re-arm first (uv_timer_again): due = now + repeat, so a callback can
    // still Stop() the timer.
    timer->Again();
    std::function<void()> cb = timer->cb_;
    cb();
  }
}

bool Loop::RunPending() {
  if (pending_.empty()) return false;
  std::vector<PendingCallback> batch;
  batch.swap(pending_);
  for (PendingCallback& entry : batch) {
    if (entry.keeps_alive) active_reqs_--;
    entry.cb();
  }
  return true;
}

void Loop::RunPhase(List<PhaseHandle>* list) {
  // Handles started by a callback wait for the next turn; stopping any
  // handle from a callback is safe.
  List<PhaseHandle> queue;
  list->MoveTo(&queue);
  while (PhaseHandle* handle = queue.PopFront()) {
    list->PushBack(&handle->phase_link_);
    std::function<void()> cb = handle->cb_;
    cb();
  }
}

void Loop::RunClosing() {
  // Handles closed by these callbacks close in the next turn. Unlike
  // libuv's LIFO list, callbacks run in Close() order.
  List<Handle> closing;
  closing_.MoveTo(&closing);
  while (Handle* handle = closing.PopFront()) {
    handle->all_link_.Unlink();
    std::function<void()> cb = std::move(handle->close_cb_);
    // The embedder may delete the handle from here on.
    if (cb) cb();
  }
}

void Loop::QueuePending(std::function<void()> cb, bool keeps_alive) {
  if (keeps_alive) active_reqs_++;
  pending_.push_back({std::move(cb), keeps_alive});
}

void Loop::Wake() {
  uint64_t one = 1;
  ssize_t r;
  do {
    r = write(wake_fd_, &one, sizeof(one));
  } while (r < 0 && errno == EINTR);
  // EAGAIN: the counter is saturated, the loop wakes anyway.
}

void Loop::OnWakeup() {
  if (pool_) {
    List<PoolTask> done;
    pool_->TakeCompleted(&done);
    while (PoolTask* task = done.PopFront()) {
      task->state = PoolTask::State::kIdle;
      task->done(task, task->status);
    }
  }
  List<Async> queue;
  asyncs_.MoveTo(&queue);
  while (Async* async = queue.PopFront()) {
    asyncs_.PushBack(&async->async_link_);
    int expected = 1;
    if (!async->pending_.compare_exchange_strong(expected, 0)) continue;
    std::function<void()> cb = async->cb_;
    if (cb) cb();
  }
}

unsigned Loop::thread_pool_size() const {
  return pool_ ? pool_->size() : pool_size_;
}

ThreadPool* Loop::EnsurePool() {
  if (!pool_) {
    pool_.reset(new ThreadPool(pool_size_, wake_fd_));
    int err = pool_->Start();
    if (err < 0) {
      // Nothing queued could ever run: fail loudly rather than hang.
      fprintf(stderr, "ringjs:loop: cannot start the thread pool: %s\n",
              strerror(-err));
      abort();
    }
  }
  return pool_.get();
}

ThreadPool* Loop::SubmitPoolTask(PoolTask* task) {
  counters_.pool_tasks++;
  ThreadPool* pool = EnsurePool();
  pool->Submit(task);
  return pool;
}

void Loop::QueueWork(std::function<void()> work,
                     std::function<void(int status)> after_work) {
  WorkItem* item = new WorkItem();
  item->work = std::move(work);
  item->after_work = std::move(after_work);
  item->loop = this;
  item->task.arg = item;
  item->task.work = [](PoolTask* task) {
    WorkItem* item = static_cast<WorkItem*>(task->arg);
    if (item->work) item->work();
  };
  item->task.done = [](PoolTask* task, int status) {
    WorkItem* item = static_cast<WorkItem*>(task->arg);
    item->loop->active_reqs_--;
    std::function<void(int)> after_work = std::move(item->after_work);
    delete item;
    if (after_work) after_work(status);
  };
  item->task.drop = [](PoolTask* task) {
    delete static_cast<WorkItem*>(task->arg);
  };
  active_reqs_++;
  SubmitPoolTask(&item->task);
}

void Loop::Complete(Request* req, int64_t result, bool more) {
  if (!more) {
    req->state_ = Request::State::kIdle;
    if (req->counted_) {
      req->counted_ = false;
      active_reqs_--;
    }
  }
  req->more_ = more;
  req->result_ = result;
  // A copy: the callback may reuse req and assign a new cb.
  std::function<void(int64_t)> cb = req->cb;
  if (cb) cb(result);
}

void Loop::Defer(Request* req, int64_t result) {
  req->state_ = Request::State::kDeferred;
  req->result_ = result;
  deferred_.PushBack(&req->link_);
}

int Loop::CompleteLater(Request* req, int64_t result) {
  int err = BeginRequest(req, OpType::kNone);
  if (err != 0) return err;
  req->state_ = Request::State::kDeferred;
  req->result_ = result;
  deferred_next_turn_.PushBack(&req->link_);
  return 0;
}

void Loop::DeliverDeferred() {
  // Only what was deferred before this point: a callback that keeps failing
  // synchronously must not spin here.
  List<Request> batch;
  deferred_.MoveTo(&batch);
  while (Request* req = batch.PopFront()) Complete(req, req->result_, false);
}

void Loop::RunOnPool(Request* req) {
  req->state_ = Request::State::kPool;
  req->pool_task_.arg = req;
  req->pool_task_.work = [](PoolTask* task) {
    Request* req = static_cast<Request*>(task->arg);
    req->result_ = ExecuteBlocking(req);
  };
  req->pool_task_.done = [](PoolTask* task, int status) {
    Request* req = static_cast<Request*>(task->arg);
    req->loop_->Complete(req, status < 0 ? status : req->result_, false);
  };
  req->pool_task_.drop = [](PoolTask* task) {
    static_cast<Request*>(task->arg)->state_ = Request::State::kIdle;
  };
  SubmitPoolTask(&req->pool_task_);
}

}  // namespace ringjs::loop
