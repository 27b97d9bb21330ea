// The terminal's stdin for a headless run, read as it becomes readable (output keeps
// flowing while nothing is typed) and handed on a line at a time, as bytes: whoever
// receives them decodes them as Python's input() would.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>

#include <functional>

class StdinLines : public QObject {
public:
    StdinLines(std::function<void(const QByteArray &line)> onLine, std::function<void()> onEnd, QObject *parent = nullptr);

private:
    void readable();

    QSocketNotifier m_notifier;
    QByteArray m_pending;
    std::function<void(const QByteArray &)> m_onLine;
    std::function<void()> m_onEnd;
};
