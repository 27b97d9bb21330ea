#include "FaultControl.h"

#include "FaultText.h"

#include <FaultFields.h>
#include <PaneRunner.h>

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
    auto *intro = new QLabel(tr("What the network does to this pane's sockets. Each call a fault changes is marked "
                                "\"injected\" in the trace. 0: off."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *rows = new QFormLayout;
    for (const FaultField &f : FaultFields::all()) {
        auto *spin = new QSpinBox;
        spin->setRange(0, int(FaultFields::kMost));
        spin->setSuffix(FaultText::unit(f));
        spin->setSpecialValueText(tr("off"));
        spin->setAccessibleName(FaultText::label(f));
        rows->addRow(FaultText::label(f), spin);
        m_rows.append({&f, spin});
        connect(spin, &QSpinBox::valueChanged, this, &FaultControl::apply);
    }
    layout->addLayout(rows);
    auto *clear = new QPushButton(tr("No faults"));
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
    refresh();
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
