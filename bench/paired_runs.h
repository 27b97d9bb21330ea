// Ratios that hold on a noisy machine: ours and the reference run in turn (A B A B ...),
// each pair back to back so both meet the same neighbours, and the figure is the median
// of the pair ratios with its spread. A neighbour's burst spoils one pair, not the figure;
// min and max show how far a single pair can stray.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace bench {

// At least five pairs (issue 18); odd, so the median is one pair's own ratio.
constexpr int kPairs = 7;

// One contender: the name of its figure and a run giving one measurement (higher is better).
struct PairedContender {
    std::string name;
    std::function<double()> run;
    std::vector<double> values;  // one per pair, in order
};

// Runs every contender once per pair, in the given order, kPairs times (each run's length
// is set by SOCKETLAB_BENCH_SCALE). Dies with the first failure a run recorded.
void runPairs(std::vector<PairedContender> &contenders);

// The median of a contender's values, printed as "<name> <median>".
void printMedian(const PairedContender &contender, int decimals);

// "<name>_ratio" (median of ours[i] / reference[i]), "<name>_ratio_min", "<name>_ratio_max".
void printPairRatio(const std::string &name, const PairedContender &ours, const PairedContender &reference);

} // namespace bench
