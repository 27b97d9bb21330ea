// Observe mode's banner, where the lab's panes are otherwise: what is observed, that
// SocketLab only reads these sockets' state and never touches them, why the sequence
// diagram stays empty, and "Stop observing" (back to the lessons).
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

class ObserveBanner : public QFrame {
    Q_OBJECT
public:
    explicit ObserveBanner(QWidget *parent = nullptr);

    void setTarget(const QString &description);  // "port 8080", "process 1234 (python3)"
    void setOpenSockets(int count);
    void setProcessEnded();  // the observed process exited: its rows close
    QPushButton *stopButton() const { return m_stop; }
    QString text() const;  // what the banner says, for tests

signals:
    void stopRequested();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void fitHeight();  // no taller than its words at this width: the views below get the rest

    QLabel *m_text;
    QLabel *m_count;
    QPushButton *m_stop;
    QString m_target;
    int m_open = 0;
    bool m_ended = false;
};
