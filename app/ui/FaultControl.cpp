#include "FaultControl.h"

#include "FaultText.h"

#include <FaultFields.h>
#include <PaneRunner.h>

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWidgetAction>

FaultControl::FaultControl(PaneRunner *runner, QWidget *parent) : QToolButton(parent), m_runner(runner)
{
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(this);
    auto *form = new QWidget;
    auto *layout = new QVBoxLayout(form);
    m_intro = new QLabel;
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *rows = new QFormLayout;
    for (const FaultField &f : FaultFields::all()) {
        auto *spin = new QSpinBox;
        spin->setRange(0, int(FaultFields::kMost));
        rows->addRow(new QLabel, spin);
        m_rows.append({&f, spin});
        connect(spin, &QSpinBox::valueChanged, this, &FaultControl::apply);
    }
    layout->addLayout(rows);
    m_form = rows;
    auto *clear = m_clear = new QPushButton;
    connect(clear, &QPushButton::clicked, this, [this] {
        for (const auto &row : m_rows) {
            const QSignalBlocker quiet(row.second);
            row.second->setValue(0);
        }
        apply();
    });
    layout->addWidget(clear, 0, Qt::AlignRight);
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(form);
    menu->addAction(action);
    connect(menu, &QMenu::aboutToShow, this, &FaultControl::refresh);
    setMenu(menu);
    retranslate();
}

// Its words, again after a language switch.
void FaultControl::retranslate()
{
    m_intro->setText(tr("What the network does to this pane's sockets. Each call a fault changes is marked "
                        "\"injected\" in the trace. 0: off."));
    for (const auto &[field, spin] : m_rows) {
        spin->setSuffix(FaultText::unit(*field));
        spin->setSpecialValueText(tr("off"));
        spin->setAccessibleName(FaultText::label(*field));
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(spin)))
            label->setText(FaultText::label(*field));
    }
    m_clear->setText(tr("No faults"));
    refresh();
}

void FaultControl::changeEvent(QEvent *event)
{
    QToolButton::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

QSpinBox *FaultControl::field(const QString &name) const
{
    for (const auto &row : m_rows) {
        if (name == QLatin1String(row.first->name))
            return row.second;
    }
    return nullptr;
}

void FaultControl::apply()
{
    socketlab::FaultSettings settings;
    for (const auto &row : m_rows)
        row.first->set(settings, row.second->value());
    m_runner->faults().set(settings);
    refresh();
}

void FaultControl::refresh()
{
    const socketlab::FaultSettings settings = m_runner->faults().settings();
    int set = 0;
    for (const auto &row : m_rows) {
        const QSignalBlocker quiet(row.second);
        row.second->setValue(int(row.first->get(settings)));
        set += row.first->get(settings) > 0 ? 1 : 0;
    }
    // The count and a mark, not a colour alone: a pane with faults must not pass for a clean one.
    setText(set == 0 ? tr("Faults") : tr("⚡ Faults: %1").arg(set));
    const QString described = FaultText::describe(settings);
    setToolTip(described.isEmpty() ? tr("Inject faults into this pane's sockets: short reads, split or delayed sends, "
                                        "refused connects, lost datagrams")
                                   : tr("Injected now: %1").arg(described));
}
