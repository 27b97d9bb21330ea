// The trace of every socket call as text, one line per call's end (or its wait), in the
// order the calls happened: "server  accept() → fd 7 from ('127.0.0.1', 40312)". Keeps
// the newest kMaxLines lines.
#pragma once

#include "LiveView.h"

#include <QPlainTextEdit>

class TraceLogView : public QPlainTextEdit, public LiveView {
    Q_OBJECT
public:
    static constexpr int kMaxLines = 2000;

    explicit TraceLogView(QWidget *parent = nullptr);

    void feed(const LiveTick &tick) override;
    void forgetRun() override;
};
