// Paired runs and their ratios; see paired_runs.h.
#include "paired_runs.h"

#include "bench_support.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>

namespace bench {
namespace {

bool showPairs()
{
    const char *verbose = std::getenv("SOCKETLAB_BENCH_VERBOSE");
    return verbose && *verbose && std::string(verbose) != "0";
}

// SOCKETLAB_BENCH_SOLO=<figure name>: only that contender runs (for strace -c or perf
// record of one side); the others, and so the ratios, read 0.
bool skipped(const PairedContender &contender)
{
    const char *solo = std::getenv("SOCKETLAB_BENCH_SOLO");
    return solo && *solo && contender.name != solo;
}

double processCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval &t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// "<name>_ratio" and its spread over the pairs' ratios ours / reference.
void printRatios(const std::string &name, const std::vector<double> &ours, const std::vector<double> &reference)
{
    std::vector<double> ratios;
    for (std::size_t i = 0; i < std::min(ours.size(), reference.size()); ++i)
        ratios.push_back(reference[i] > 0 ? ours[i] / reference[i] : 0);
    if (ratios.empty())
        return;
    printFigure(name + "_ratio", median(ratios), 3);
    printFigure(name + "_ratio_min", *std::min_element(ratios.begin(), ratios.end()), 3);
    printFigure(name + "_ratio_max", *std::max_element(ratios.begin(), ratios.end()), 3);
}

} // namespace

void runPairs(std::vector<PairedContender> &contenders)
{
    const bool verbose = showPairs();
    for (int pair = 0; pair < kPairs; ++pair) {
        for (PairedContender &c : contenders) {
            RunFigures figures;
            const double cpuBefore = processCpuSeconds();
            if (!skipped(c))
                figures = c.run();
            const double cpu = processCpuSeconds() - cpuBefore;
            if (failed())
                die(failureMessage());
            c.values.push_back(figures.perSecond);
            c.cpuPerUnit.push_back(figures.units > 0 ? cpu / figures.units : 0);
            if (verbose)
                std::fprintf(stderr, "# pair %d %s %.1f (cpu %.3f s, %.2f us a unit)\n", pair, c.name.c_str(),
                             figures.perSecond, cpu, c.cpuPerUnit.back() * 1e6);
        }
    }
}

void printMedian(const PairedContender &contender, int decimals)
{
    printFigure(contender.name, median(contender.values), decimals);
}

void printPairRatio(const std::string &name, const PairedContender &ours, const PairedContender &reference,
                    CpuFigures cpu)
{
    printRatios(name, ours.values, reference.values);
    // Cheaper is better: the reference's CPU per unit over ours.
    if (cpu == CpuFigures::Print)
        printRatios(name + "_cpu", reference.cpuPerUnit, ours.cpuPerUnit);
}

} // namespace bench
