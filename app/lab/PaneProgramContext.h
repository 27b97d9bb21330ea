// The ProgramContext of a program run in a pane (PaneRunner): its steps, prints, input and
// parameters, reported to the runner on the GUI thread.
#pragma once

#include "PaneRunner.h"
#include "Program.h"

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

// What a running program sees of its pane. Lives on the program's thread; step(), print()
// and error() may also be called from threads the program starts (ThreadingMixIn's request
// threads): the gate, the report queue and the waiting count are locked, the rest is read-only.
class PaneProgramContext final : public ProgramContext {
public:
    PaneProgramContext(std::shared_ptr<PaneRunner::Shared> shared, QHash<QString, QString> params);
    bool step(std::string_view stepId) override;
    void print(std::string_view line) override;
    std::optional<std::string> input(std::string_view prompt) override;
    void error(const socketlab::SocketError &e) override;
    std::string param(std::string_view name) const override;
    void publish(std::string_view name, std::string value) override;
    socketlab::SocketContext socketContext() const override;
    bool isStopped() const override;

private:
    const std::shared_ptr<PaneRunner::Shared> m_shared;
    const QHash<QString, QString> m_params;
    const std::string m_owner;
    std::string m_raised;  // what input() raised, for the error() that ends the run (the program's thread only)
    std::mutex m_waitingMutex;
    int m_waiting = 0;  // threads waiting at the gate for Step
};
