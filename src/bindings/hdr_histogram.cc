#include "bindings/hdr_histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ringjs::perf {

namespace {

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

int BucketsToCover(int64_t value, int64_t sub_bucket_count, int unit_magnitude) {
  int64_t smallest_untrackable = sub_bucket_count << unit_magnitude;
  int buckets = 1;
  while (smallest_untrackable <= value) {
    if (smallest_untrackable > kInt64Max / 2) return buckets + 1;
    smallest_untrackable <<= 1;
    buckets++;
  }
  return buckets;
}

}  // namespace

HdrHistogram::HdrHistogram(int64_t lowest, int64_t highest, int figures) : min_value_(kInt64Max) {
  // Values below 2 * 10^figures get single-unit resolution; a bucket holds twice that many
  // sub-buckets, rounded up to a power of two.
  double single_unit_limit = 2 * std::pow(10.0, figures);
  int sub_bucket_count_magnitude =
      static_cast<int>(std::ceil(std::log(single_unit_limit) / std::log(2.0)));
  sub_bucket_half_count_magnitude_ =
      (sub_bucket_count_magnitude > 1 ? sub_bucket_count_magnitude : 1) - 1;
  unit_magnitude_ = static_cast<int>(std::floor(std::log(static_cast<double>(lowest)) / std::log(2.0)));
  sub_bucket_count_ = int64_t{1} << (sub_bucket_half_count_magnitude_ + 1);
  sub_bucket_half_count_ = sub_bucket_count_ / 2;
  sub_bucket_mask_ = (sub_bucket_count_ - 1) << unit_magnitude_;
  int bucket_count = BucketsToCover(highest, sub_bucket_count_, unit_magnitude_);
  counts_.assign(static_cast<size_t>((bucket_count + 1) * sub_bucket_half_count_), 0);
}

int HdrHistogram::BucketIndex(int64_t value) const {
  uint64_t bits = static_cast<uint64_t>(value | sub_bucket_mask_);
  int pow2_ceiling = 64 - __builtin_clzll(bits);
  return pow2_ceiling - unit_magnitude_ - (sub_bucket_half_count_magnitude_ + 1);
}

int64_t HdrHistogram::CountsIndex(int64_t value) const {
  int bucket = BucketIndex(value);
  int64_t sub_bucket = value >> (bucket + unit_magnitude_);
  int64_t bucket_base = static_cast<int64_t>(bucket + 1) << sub_bucket_half_count_magnitude_;
  return bucket_base + (sub_bucket - sub_bucket_half_count_);
}

int64_t HdrHistogram::ValueAtIndex(int64_t index) const {
  int64_t bucket = (index >> sub_bucket_half_count_magnitude_) - 1;
  int64_t sub_bucket = (index & (sub_bucket_half_count_ - 1)) + sub_bucket_half_count_;
  if (bucket < 0) {
    sub_bucket -= sub_bucket_half_count_;
    bucket = 0;
  }
  return sub_bucket << (bucket + unit_magnitude_);
}

int64_t HdrHistogram::LowestEquivalent(int64_t value) const {
  int bucket = BucketIndex(value);
  int64_t sub_bucket = value >> (bucket + unit_magnitude_);
  return sub_bucket << (bucket + unit_magnitude_);
}

int64_t HdrHistogram::RangeSize(int64_t value) const {
  int bucket = BucketIndex(value);
  int64_t sub_bucket = value >> (bucket + unit_magnitude_);
  int adjusted = sub_bucket >= sub_bucket_count_ ? bucket + 1 : bucket;
  return int64_t{1} << (unit_magnitude_ + adjusted);
}

bool HdrHistogram::Record(int64_t value, int64_t count) {
  if (value < 0) return false;
  int64_t index = CountsIndex(value);
  if (index < 0 || index >= static_cast<int64_t>(counts_.size())) return false;
  counts_[index] += count;
  total_count_ += count;
  if (value < min_value_ && value != 0) min_value_ = value;
  if (value > max_value_) max_value_ = value;
  return true;
}

void HdrHistogram::Reset() {
  std::fill(counts_.begin(), counts_.end(), 0);
  total_count_ = 0;
  min_value_ = kInt64Max;
  max_value_ = 0;
}

int64_t HdrHistogram::Add(const HdrHistogram& other) {
  int64_t dropped = 0;
  for (size_t i = 0; i < other.counts_.size(); i++) {
    int64_t count = other.counts_[i];
    if (count == 0) continue;
    if (!Record(other.ValueAtIndex(static_cast<int64_t>(i)), count)) dropped += count;
  }
  return dropped;
}

int64_t HdrHistogram::Min() const {
  if (!counts_.empty() && counts_[0] > 0) return 0;
  if (min_value_ == kInt64Max) return kInt64Max;
  return LowestEquivalent(min_value_);
}

int64_t HdrHistogram::Max() const {
  if (max_value_ == 0) return 0;
  return HighestEquivalent(max_value_);
}

double HdrHistogram::Mean() const {
  // An integer sum of bucket midpoints, as HdrHistogram (exact where it does not overflow).
  uint64_t total = 0;
  for (size_t i = 0; i < counts_.size(); i++) {
    if (counts_[i] == 0) continue;
    total += static_cast<uint64_t>(counts_[i]) *
             static_cast<uint64_t>(MedianEquivalent(ValueAtIndex(static_cast<int64_t>(i))));
  }
  return static_cast<double>(static_cast<int64_t>(total)) / static_cast<double>(total_count_);
}

double HdrHistogram::Stddev() const {
  double mean = Mean();
  double deviation_total = 0.0;
  for (size_t i = 0; i < counts_.size(); i++) {
    if (counts_[i] == 0) continue;
    double deviation =
        static_cast<double>(MedianEquivalent(ValueAtIndex(static_cast<int64_t>(i)))) - mean;
    deviation_total += deviation * deviation * static_cast<double>(counts_[i]);
  }
  return std::sqrt(deviation_total / static_cast<double>(total_count_));
}

int64_t HdrHistogram::ValueAtPercentile(double percentile) const {
  double requested = percentile < 100.0 ? percentile : 100.0;
  int64_t wanted = static_cast<int64_t>((requested / 100) * static_cast<double>(total_count_) + 0.5);
  if (wanted < 1) wanted = 1;
  int64_t value = 0;
  int64_t seen = 0;
  for (size_t i = 0; i < counts_.size(); i++) {
    seen += counts_[i];
    if (seen >= wanted) {
      value = ValueAtIndex(static_cast<int64_t>(i));
      break;
    }
  }
  if (percentile == 0.0) return LowestEquivalent(value);
  return HighestEquivalent(value);
}

void HdrHistogram::ForEachPercentile(const std::function<void(double, int64_t)>& fn) const {
  // Walks the buckets once, reporting each percentile level as soon as the cumulative count
  // reaches it; levels get denser towards 100 (one tick per half of the remaining distance).
  double level = 0.0;
  int64_t index = -1;
  int64_t value = 0;
  int64_t count = 0;
  int64_t cumulative = 0;
  const int64_t length = static_cast<int64_t>(counts_.size());
  auto advance = [&]() {
    if (cumulative >= total_count_ || index + 1 >= length) return false;
    index++;
    value = ValueAtIndex(index);
    count = counts_[index];
    cumulative += count;
    return true;
  };
  for (;;) {
    if (cumulative >= total_count_) {
      fn(100.0, value);
      return;
    }
    if (index == -1 && !advance()) return;
    bool reported = false;
    do {
      double reached = (100.0 * static_cast<double>(cumulative)) / static_cast<double>(total_count_);
      if (count != 0 && level <= reached) {
        fn(level, value);
        int64_t exponent = static_cast<int64_t>(std::log(100 / (100.0 - level)) / std::log(2)) + 1;
        double half_distance = std::pow(2, static_cast<double>(exponent));
        level += 100.0 / half_distance;
        reported = true;
        break;
      }
    } while (advance());
    if (!reported) return;
  }
}

}  // namespace ringjs::perf
