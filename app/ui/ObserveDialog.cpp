#include "ObserveDialog.h"

#include <observe/ListeningPorts.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

ObserveDialog::ObserveDialog(QWidget *parent) : QDialog(parent), m_choice(new QComboBox), m_problem(new QLabel)
{
    setWindowTitle(tr("Observe a port or process"));
    auto *intro = new QLabel(tr("Give a local port (1–65535) to watch every socket on it, or pid:PID to watch every "
                                "socket of one process. Any process on this machine can be observed, read-only."));
    intro->setWordWrap(true);
    m_choice->setEditable(true);
    m_choice->setInsertPolicy(QComboBox::NoInsert);
    m_choice->lineEdit()->setPlaceholderText(tr("8080 or pid:1234"));
    for (const ListeningPort &p : listeningPorts())
        m_choice->addItem(tr("%1 — listened on by %2").arg(p.port).arg(p.owner), QString::number(p.port));
    m_choice->setCurrentIndex(-1);
    m_choice->setToolTip(tr("The ports something listens on now, or type a port or pid:PID"));
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("observeProblem"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ObserveDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ObserveDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_choice);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

QString ObserveDialog::problem() const
{
    return m_problem->text();
}

void ObserveDialog::accept()
{
    // A port picked from the list is its number; anything typed is read as typed.
    const int picked = m_choice->findText(m_choice->currentText());
    const QString text = picked >= 0 ? m_choice->itemData(picked).toString() : m_choice->currentText();
    QString why;
    m_target = ObserveTarget::parse(text, &why);
    if (!m_target) {
        m_problem->setText(why);
        return;
    }
    m_problem->clear();
    QDialog::accept();
}
