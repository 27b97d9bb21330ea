// The trace of every socket call as text, one line per call's end (or its wait), in the
// order the calls happened: "server  accept() → fd 7 from ('127.0.0.1', 40312)". Keeps
// the newest kMaxLines lines.
//
// serve_forever() wakes every poll_interval (0.5 s) to run service_actions(): a waiting
// server would bury the real calls under one such line every half second, so a run of them
// is folded into one line that counts them. The lines are kept as events, so a language
// switch says them again in the new language.
#pragma once

#include "LiveView.h"

#include <QPlainTextEdit>

#include <deque>

class TraceLogView : public QPlainTextEdit, public LiveView {
    Q_OBJECT
public:
    static constexpr int kMaxLines = 2000;

    explicit TraceLogView(QWidget *parent = nullptr);

    void feed(const LiveTick &tick) override;
    void forgetRun() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Line {
        socketlab::TraceEvent event;
        QString owner;
        int repeats = 1;  // service_actions() folded into this line
    };
    static bool isHousekeeping(const socketlab::TraceEvent &e);
    QString textOf(const Line &line) const;
    void rewriteLastLine();
    void renderAll();

    std::deque<Line> m_lines;
};
