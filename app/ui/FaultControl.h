// A pane's "Faults" button: what the network does to this pane's sockets, set by a teacher
// (or a learner breaking a program on purpose) while the lab runs. Its menu holds one row per
// fault of FaultPlan; a change applies at once, to the next call. The button says how many
// faults are set; the trace marks every call a fault changed. One-time faults (the next
// recv, refused connects, lost datagrams) count down as they are used: the menu reads them
// again each time it opens.
#pragma once

#include <QToolButton>

class PaneRunner;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;
struct FaultField;

class FaultControl : public QToolButton {
    Q_OBJECT
public:
    explicit FaultControl(PaneRunner *runner, QWidget *parent = nullptr);

    QSpinBox *field(const QString &name) const;  // the row of a fault (FaultFields names)
    void refresh();                                // the runner's faults into the rows and the button

protected:
    void changeEvent(QEvent *event) override;

private:
    void apply();
    void retranslate();

    PaneRunner *m_runner;
    QList<QPair<const FaultField *, QSpinBox *>> m_rows;
    QLabel *m_intro = nullptr;
    QFormLayout *m_form = nullptr;
    QPushButton *m_clear = nullptr;
};
