// Shared benchmark plumbing; see bench_support.h.
#include "bench_support.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace bench {
namespace {

std::mutex failureMutex;
std::string firstFailure;  // guarded by failureMutex

} // namespace

double benchScale()
{
    const char *text = std::getenv("SOCKETLAB_BENCH_SCALE");
    if (!text || !*text)
        return 1.0;
    char *end = nullptr;
    const double scale = std::strtod(text, &end);
    if (end == text || *end != '\0' || !std::isfinite(scale) || scale <= 0)
        die(std::string("SOCKETLAB_BENCH_SCALE must be a positive number, not '") + text + "'");
    // Below 0.01 the windows are too short to mean anything; above 100 a run takes an hour.
    return std::clamp(scale, 0.01, 100.0);
}

double startRun()
{
    const double scale = benchScale();
    printFigure("bench_scale", scale, 2);
    // Context for reading the figures: with a load near the CPU count, every figure
    // measures the neighbours too (the ratios least, being taken in the same run).
    printFigure("bench_cpus", static_cast<double>(std::thread::hardware_concurrency()), 0);
    double load[1] = {0};
    if (::getloadavg(load, 1) == 1)
        printFigure("bench_load_1m", load[0], 2);
    return scale;
}

bool selected(const char *group)
{
    const char *only = std::getenv("SOCKETLAB_BENCH_ONLY");
    if (!only || !*only)
        return true;
    const std::string list = std::string(",") + only + ",";
    return list.find(std::string(",") + group + ",") != std::string::npos;
}

double nowSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void printFigure(const std::string &name, double value, int decimals, const char *unit)
{
    if (unit)
        std::printf("%s %.*f %s\n", name.c_str(), decimals, value, unit);
    else
        std::printf("%s %.*f\n", name.c_str(), decimals, value);
    std::fflush(stdout);  // figures appear as they are measured, even under `ninja bench`
}

void recordFailure(const std::string &message)
{
    std::lock_guard lock(failureMutex);
    if (firstFailure.empty())
        firstFailure = message;
}

bool failed()
{
    std::lock_guard lock(failureMutex);
    return !firstFailure.empty();
}

std::string failureMessage()
{
    std::lock_guard lock(failureMutex);
    return firstFailure;
}

std::string errnoText(const char *what, int err)
{
    return std::string(what) + ": " + std::strerror(err) + " (errno " + std::to_string(err) + ")";
}

void die(const std::string &message)
{
    std::fprintf(stderr, "bench_core: %s\n", message.c_str());
    std::exit(EXIT_FAILURE);
}

double residentMB()
{
    long pages = 0, resident = 0;
    FILE *statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
        return 0;
    if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2)
        resident = 0;
    std::fclose(statm);
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / 1e6;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

void BulkMeter::add(std::size_t n)
{
    m_bytes += n;
    if (m_start < 0 && m_bytes >= m_plan.warmupBytes) {
        m_start = nowSeconds();
        m_startBytes = m_bytes;
    }
    if (m_end < 0 && done())
        m_end = nowSeconds();
}

std::size_t BulkMeter::nextChunk() const
{
    const std::uint64_t left = m_plan.totalBytes - std::min(m_bytes, m_plan.totalBytes);
    return static_cast<std::size_t>(std::min<std::uint64_t>(left, m_plan.chunkBytes));
}

BulkResult BulkMeter::result() const
{
    if (m_start < 0 || m_end < 0)
        return {};
    return {m_bytes - m_startBytes, m_end - m_start};
}

} // namespace bench
