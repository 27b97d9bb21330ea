#include "PaneFilterButton.h"

#include <QMenu>

PaneFilterButton::PaneFilterButton(QWidget *parent) : QToolButton(parent), m_menu(new QMenu(this))
{
    setMenu(m_menu);
    setPopupMode(QToolButton::InstantPopup);
    setAutoRaise(true);
    connect(m_menu, &QMenu::aboutToShow, this, &PaneFilterButton::rebuildMenu);
    retranslate();
}

void PaneFilterButton::refresh()
{
    retranslate();
}

void PaneFilterButton::forgetLab()
{
    m_filter.clear();
    retranslate();
}

void PaneFilterButton::rebuildMenu()
{
    m_menu->clear();
    for (const auto &[pane, open] : m_filter.openSockets()) {
        QAction *show = m_menu->addAction(tr("%1 — %n open socket(s)", nullptr, open).arg(pane));
        show->setCheckable(true);
        show->setChecked(!m_filter.isHidden(pane));
        connect(show, &QAction::toggled, this, [this, pane = pane](bool shown) {
            m_filter.setHidden(pane, !shown);
            retranslate();
            emit changed();
        });
    }
    if (m_menu->isEmpty())
        m_menu->addAction(tr("No sockets yet"))->setEnabled(false);
}

void PaneFilterButton::retranslate()
{
    const int hidden = int(m_filter.hiddenPanes().size());
    setText(hidden == 0 ? tr("Panes") : tr("Panes (%n hidden)", nullptr, hidden));
    setToolTip(hidden == 0
                   ? tr("Choose whose sockets the views show")
                   : tr("The views leave out the sockets of %1, and the connections to them")
                         .arg(m_filter.hiddenPanes().join(QLatin1String(", "))));
}
