// The strip under the lab that shows a recorded run's time: a mark for each tick with
// socket calls (blue, above) and each console line (green) or error (red, below), a
// hatched stretch where the oldest history was dropped to stay within memory, and the
// moment shown (orange while looking back; the live end otherwise). A click or a drag
// picks a moment.
#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

class ReplayController;

class RunTimeline : public QWidget {
    Q_OBJECT
public:
    explicit RunTimeline(ReplayController *controller, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Where a moment is drawn, and the moment under an x (for tests and the mouse).
    int xOf(std::int64_t timeNs) const;
    std::int64_t timeAt(int x) const;

signals:
    void momentPicked(std::int64_t timeNs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void retranslate();  // its tool tip and name, in the window's language
    enum class Mark : std::uint8_t { Call, Line, Error };
    struct Marked {
        std::int64_t timeNs;
        Mark mark;
    };
    void updateMarks();
    std::int64_t endNs() const;
    QRect track() const;

    ReplayController *m_controller;
    std::vector<Marked> m_marks;  // in time order per kind
    const void *m_markedRecording = nullptr;
    std::int64_t m_markedFirstNs = 0;
    std::int64_t m_lastFrameNs = 0;
    std::int64_t m_lastReportNs = 0;
};
