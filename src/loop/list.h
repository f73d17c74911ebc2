// Intrusive circular doubly linked lists, in the style of libuv's QUEUE.
// A node can be unlinked without knowing which list holds it, which is what
// lets the phase runners move a whole list aside and re-insert handles one by
// one while callbacks start and stop other handles.
#ifndef SRC_LOOP_LIST_H_
#define SRC_LOOP_LIST_H_

namespace ringjs::loop {

class ListNode {
 public:
  ListNode() = default;
  ListNode(const ListNode&) = delete;
  ListNode& operator=(const ListNode&) = delete;
  ~ListNode() { Unlink(); }

  bool IsLinked() const { return next_ != this; }

  // Removes the node from whatever list holds it; a no-op when unlinked.
  void Unlink() {
    prev_->next_ = next_;
    next_->prev_ = prev_;
    prev_ = this;
    next_ = this;
  }

 private:
  template <typename T>
  friend class List;
  ListNode* prev_ = this;
  ListNode* next_ = this;
};

// A node that knows the object embedding it, so no offsetof tricks are needed.
template <typename T>
class ListLink : public ListNode {
 public:
  explicit ListLink(T* owner) : owner_(owner) {}
  T* owner() const { return owner_; }

 private:
  T* const owner_;
};

template <typename T>
class List {
 public:
  List() = default;
  List(const List&) = delete;
  List& operator=(const List&) = delete;
  ~List() { Clear(); }

  bool empty() const { return head_.next_ == &head_; }

  T* Front() const {
    return empty() ? nullptr : static_cast<ListLink<T>*>(head_.next_)->owner();
  }

  void PushBack(ListLink<T>* link) {
    link->Unlink();
    link->prev_ = head_.prev_;
    link->next_ = &head_;
    head_.prev_->next_ = link;
    head_.prev_ = link;
  }

  T* PopFront() {
    if (empty()) return nullptr;
    ListLink<T>* link = static_cast<ListLink<T>*>(head_.next_);
    link->Unlink();
    return link->owner();
  }

  // Moves every node of this list to the end of `other`.
  void MoveTo(List* other) {
    if (empty()) return;
    ListNode* first = head_.next_;
    ListNode* last = head_.prev_;
    first->prev_ = other->head_.prev_;
    other->head_.prev_->next_ = first;
    last->next_ = &other->head_;
    other->head_.prev_ = last;
    head_.next_ = &head_;
    head_.prev_ = &head_;
  }

  // Unlinks every node (the objects themselves are untouched).
  void Clear() {
    while (!empty()) head_.next_->Unlink();
  }

  // Calls fn(T*) for each element; fn must not unlink other elements.
  template <typename Fn>
  void ForEach(Fn fn) const {
    ListNode* node = head_.next_;
    while (node != &head_) {
      ListNode* next = node->next_;
      fn(static_cast<ListLink<T>*>(node)->owner());
      node = next;
    }
  }

 private:
  ListNode head_;
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_LIST_H_
