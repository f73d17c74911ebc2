// A High Dynamic Range histogram with the bucket layout and the statistics HdrHistogram defines
// (what node's perf_hooks histograms report): values are counted in buckets whose width grows
// with the value, keeping `figures` significant decimal digits. No V8 here.
#ifndef RINGJS_BINDINGS_HDR_HISTOGRAM_H_
#define RINGJS_BINDINGS_HDR_HISTOGRAM_H_

#include <cstdint>
#include <functional>
#include <vector>

namespace ringjs::perf {

class HdrHistogram {
 public:
  // lowest >= 1, highest >= 2 * lowest, figures in 1..5 (callers validate).
  HdrHistogram(int64_t lowest, int64_t highest, int figures);

  // False when the value is outside the trackable range (nothing counted).
  bool Record(int64_t value, int64_t count = 1);
  void Reset();
  // Adds every count of `other`; returns how many could not be recorded here.
  int64_t Add(const HdrHistogram& other);

  int64_t total_count() const { return total_count_; }
  // INT64_MAX when empty (as HdrHistogram), else the lowest value equivalent to the minimum.
  int64_t Min() const;
  // 0 when empty, else the highest value equivalent to the maximum.
  int64_t Max() const;
  double Mean() const;    // NaN when empty.
  double Stddev() const;  // NaN when empty.
  // The highest value equivalent to the one at `percentile` (0 < percentile <= 100).
  int64_t ValueAtPercentile(double percentile) const;
  // The percentile distribution with one tick per half distance: (percentile, value) pairs from
  // 0 to 100, the values being the lowest of their bucket.
  void ForEachPercentile(const std::function<void(double, int64_t)>& fn) const;

 private:
  int BucketIndex(int64_t value) const;
  int64_t CountsIndex(int64_t value) const;
  int64_t ValueAtIndex(int64_t index) const;
  int64_t LowestEquivalent(int64_t value) const;
  int64_t RangeSize(int64_t value) const;
  int64_t HighestEquivalent(int64_t value) const { return LowestEquivalent(value) + RangeSize(value) - 1; }
  int64_t MedianEquivalent(int64_t value) const { return LowestEquivalent(value) + (RangeSize(value) >> 1); }

  int unit_magnitude_;
  int sub_bucket_half_count_magnitude_;
  int64_t sub_bucket_count_;
  int64_t sub_bucket_half_count_;
  int64_t sub_bucket_mask_;
  std::vector<int64_t> counts_;
  int64_t total_count_ = 0;
  int64_t min_value_;
  int64_t max_value_ = 0;
};

}  // namespace ringjs::perf

#endif  // RINGJS_BINDINGS_HDR_HISTOGRAM_H_
