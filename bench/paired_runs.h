// Ratios that hold on a noisy machine: ours and the reference run in turn (A B A B ...),
// each pair back to back so both meet the same neighbours, and the figure is the median
// of the pair ratios with its spread. A neighbour's burst spoils one pair, not the figure;
// min and max show how far a single pair can stray.
//
// Each run also gives the process's CPU time (user + system, every thread) per unit of
// work, which other load on the machine disturbs far less than wall-clock rates: the
// <name>_cpu_ratio is the reference's CPU per unit over ours, so it reads like the rate
// ratio (1.0: as cheap as plain C; 0.8: ours spends 25 % more CPU on the same work).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace bench {

// At least five pairs (issue 18); odd, so the median is one pair's own ratio.
constexpr int kPairs = 7;

// What one run gives: its rate (higher is better) and the units of work it did in all,
// warm-up included, for the CPU time it used.
struct RunFigures {
    double perSecond = 0;
    double units = 0;
};

// One contender: the name of its figure and a run.
struct PairedContender {
    std::string name;
    std::function<RunFigures()> run;
    std::vector<double> values;      // rate, one per pair, in order
    std::vector<double> cpuPerUnit;  // CPU seconds per unit of work, one per pair
};

// Runs every contender once per pair, in the given order, kPairs times (each run's length
// is set by SOCKETLAB_BENCH_SCALE). Dies with the first failure a run recorded.
void runPairs(std::vector<PairedContender> &contenders);

// The median of a contender's rates, printed as "<name> <median>".
void printMedian(const PairedContender &contender, int decimals);

// "<name>_ratio" (median of ours[i] / reference[i]), "<name>_ratio_min", "<name>_ratio_max",
// then, when both sides run in this process, the same three for "<name>_cpu_ratio".
enum class CpuFigures { Print, Omit };
void printPairRatio(const std::string &name, const PairedContender &ours, const PairedContender &reference,
                    CpuFigures cpu = CpuFigures::Print);

} // namespace bench
