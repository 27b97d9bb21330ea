// File → Observe a port or process…: asks for a port or pid:PID, offering the ports
// something listens on now with the process that listens; refuses what cannot be observed
// with the reason, in the dialog, so nothing typed is lost.
#pragma once

#include <observe/ObserveTarget.h>

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;

class ObserveDialog : public QDialog {
    Q_OBJECT
public:
    explicit ObserveDialog(QWidget *parent = nullptr);

    std::optional<ObserveTarget> target() const { return m_target; }
    QComboBox *choice() const { return m_choice; }
    QString problem() const;  // why the last OK was refused; "" if it was not

    void accept() override;

private:
    QComboBox *m_choice;
    QLabel *m_problem;
    std::optional<ObserveTarget> m_target;
};
