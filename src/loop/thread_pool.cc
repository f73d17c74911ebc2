#include "loop/thread_pool.h"

#include <errno.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>

#include "loop/signal.h"

namespace ringjs::loop {

ThreadPool::ThreadPool(unsigned size, int notify_fd)
    : size_(size), notify_fd_(notify_fd) {}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  cond_.notify_all();
  for (pthread_t thread : threads_) pthread_join(thread, nullptr);
  // Their owners are being torn down too: no callbacks, only cleanup.
  queue_.MoveTo(&completed_);
  while (PoolTask* task = completed_.PopFront()) {
    task->state = PoolTask::State::kIdle;
    if (task->drop != nullptr) task->drop(task);
  }
}

unsigned ThreadPool::SizeFromEnv() {
  const char* value = getenv("UV_THREADPOOL_SIZE");
  if (value == nullptr || *value == '\0') return 4;
  long size = strtol(value, nullptr, 10);
  if (size < 1) size = 1;
  if (size > 1024) size = 1024;
  return static_cast<unsigned>(size);
}

int ThreadPool::Start() {
  // New threads inherit the creator's mask; blocking everything here keeps
  // process-directed signals away from the workers so the loop's signalfd
  // sees them.
  ScopedBlockSignals block;
  pthread_attr_t attr;
  int err = pthread_attr_init(&attr);
  if (err != 0) return -err;
  int last_error = 0;
  for (unsigned i = 0; i < size_; i++) {
    pthread_t thread;
    err = pthread_create(&thread, &attr, WorkerMain, this);
    if (err != 0) {
      last_error = err;
      break;
    }
    threads_.push_back(thread);
  }
  pthread_attr_destroy(&attr);
  return threads_.empty() ? -last_error : 0;
}

void* ThreadPool::WorkerMain(void* arg) {
  static_cast<ThreadPool*>(arg)->Work();
  return nullptr;
}

void ThreadPool::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    while (queue_.empty() && !stopping_) cond_.wait(lock);
    if (stopping_) return;
    PoolTask* task = queue_.PopFront();
    queued_--;
    running_++;
    task->state = PoolTask::State::kRunning;
    lock.unlock();
    task->work(task);
    lock.lock();
    running_--;
    PushCompletedLocked(task);
  }
}

void ThreadPool::PushCompletedLocked(PoolTask* task) {
  task->state = PoolTask::State::kDone;
  completed_.PushBack(&task->link);
  if (notified_) return;
  notified_ = true;
  // Written under the lock: the loop closes the eventfd only after joining
  // the workers, and one write per batch of completions is cheap.
  uint64_t one = 1;
  ssize_t r;
  do {
    r = write(notify_fd_, &one, sizeof(one));
  } while (r < 0 && errno == EINTR);
  // EAGAIN means the counter is saturated, which already wakes the loop.
}

void ThreadPool::Submit(PoolTask* task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    task->state = PoolTask::State::kQueued;
    task->status = 0;
    queue_.PushBack(&task->link);
    queued_++;
  }
  cond_.notify_one();
}

bool ThreadPool::Cancel(PoolTask* task) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (task->state != PoolTask::State::kQueued) return false;
  task->link.Unlink();
  queued_--;
  task->status = -ECANCELED;
  PushCompletedLocked(task);
  return true;
}

void ThreadPool::TakeCompleted(List<PoolTask>* out) {
  std::lock_guard<std::mutex> lock(mutex_);
  completed_.MoveTo(out);
  notified_ = false;
}

size_t ThreadPool::queued() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queued_;
}

size_t ThreadPool::running() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return running_;
}

}  // namespace ringjs::loop
