#include "Program.h"

#include <cstdlib>

std::vector<ProgramInfo> tcpTimestampPrograms();
std::vector<ProgramInfo> udpTimestampPrograms();
std::vector<ProgramInfo> socketServerTimestampPrograms();
std::vector<ProgramInfo> socketServerEchoPrograms();
std::vector<ProgramInfo> socketServerConcurrencyPrograms();
std::vector<ProgramInfo> socketServerUdpPrograms();

long long ProgramContext::intParam(std::string_view name) const
{
    return std::strtoll(param(name).c_str(), nullptr, 10);  // values are validated when set
}

const ProgramStep *ProgramInfo::findStep(std::string_view id) const
{
    for (const ProgramStep &s : steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

const std::vector<ProgramInfo> &builtInPrograms()
{
    static const std::vector<ProgramInfo> programs = [] {
        std::vector<ProgramInfo> all;
        for (auto &&group : {tcpTimestampPrograms(), udpTimestampPrograms(), socketServerTimestampPrograms(),
                              socketServerEchoPrograms(), socketServerConcurrencyPrograms(), socketServerUdpPrograms()})
            all.insert(all.end(), group.begin(), group.end());
        return all;
    }();
    return programs;
}

const ProgramInfo *findProgram(std::string_view name)
{
    for (const ProgramInfo &p : builtInPrograms()) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}
