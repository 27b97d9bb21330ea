// Paired runs and their ratios; see paired_runs.h.
#include "paired_runs.h"

#include "bench_support.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace bench {
namespace {

bool showPairs()
{
    const char *verbose = std::getenv("SOCKETLAB_BENCH_VERBOSE");
    return verbose && *verbose && std::string(verbose) != "0";
}

} // namespace

void runPairs(std::vector<PairedContender> &contenders)
{
    const bool verbose = showPairs();
    for (int pair = 0; pair < kPairs; ++pair) {
        for (PairedContender &c : contenders) {
            const double value = c.run();
            if (failed())
                die(failureMessage());
            c.values.push_back(value);
            if (verbose)
                std::fprintf(stderr, "# pair %d %s %.1f\n", pair, c.name.c_str(), value);
        }
    }
}

void printMedian(const PairedContender &contender, int decimals)
{
    printFigure(contender.name, median(contender.values), decimals);
}

void printPairRatio(const std::string &name, const PairedContender &ours, const PairedContender &reference)
{
    std::vector<double> ratios;
    for (std::size_t i = 0; i < std::min(ours.values.size(), reference.values.size()); ++i)
        ratios.push_back(reference.values[i] > 0 ? ours.values[i] / reference.values[i] : 0);
    if (ratios.empty())
        return;
    printFigure(name + "_ratio", median(ratios), 3);
    printFigure(name + "_ratio_min", *std::min_element(ratios.begin(), ratios.end()), 3);
    printFigure(name + "_ratio_max", *std::max_element(ratios.begin(), ratios.end()), 3);
}

} // namespace bench
