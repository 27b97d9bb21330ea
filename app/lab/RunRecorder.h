// Records a lab session as it runs (RunRecording.h): every tick of its feed, and what each
// pane reports. It follows the session's RunFeed like the window's views do; the window
// then shows a moment of the recording, the live one or an earlier one.
#pragma once

#include "RunFeed.h"
#include "RunRecording.h"

#include <QObject>

class LabSession;
class PaneRunner;

class RunRecorder : public QObject, private RunListener {
    Q_OBJECT
public:
    explicit RunRecorder(LabSession &session, std::size_t budgetBytes = RunRecording::kDefaultBudgetBytes,
                         QObject *parent = nullptr);
    ~RunRecorder() override;

    const RunRecording &recording() const { return m_recording; }

signals:
    void recorded();  // a tick or a report was added

private:
    void watch(PaneRunner *pane);
    void report(PaneRunner *pane, PaneReport::Kind kind, const QString &text = {}, const QString &detail = {}, int number = 0);
    void runTicked(const RunTick &tick) override;
    void runReset() override;

    LabSession &m_session;
    RunRecording m_recording;
};
