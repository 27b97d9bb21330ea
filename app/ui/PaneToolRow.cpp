#include "PaneToolRow.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>

#include <algorithm>

namespace {
constexpr int kSpacing = 3;
} // namespace

PaneToolRow::PaneToolRow(QWidget *parent)
    : QWidget(parent), m_layout(new QHBoxLayout(this)), m_fold(new QToolButton), m_foldMenu(new QMenu(m_fold))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(kSpacing);
    m_layout->addStretch();
    m_fold->setObjectName(QStringLiteral("paneToolsFold"));
    m_fold->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_fold->setPopupMode(QToolButton::InstantPopup);
    m_fold->setMenu(m_foldMenu);
    m_fold->hide();
    m_layout->addWidget(m_fold);
    connect(m_foldMenu, &QMenu::aboutToShow, this, &PaneToolRow::fillFoldMenu);
    retranslate();
}

void PaneToolRow::addControl(QToolButton *control)
{
    m_layout->insertWidget(int(m_controls.size()), control);  // before the stretch
    m_controls.append(control);
    refold();
}

void PaneToolRow::addTool(QToolButton *tool, QToolButton *before)
{
    const auto at = std::find_if(m_tools.begin(), m_tools.end(), [before](const Tool &t) { return t.button == before; });
    const int layoutIndex = at == m_tools.end() ? m_layout->indexOf(m_fold) : m_layout->indexOf(at->button);
    m_tools.insert(at, Tool{tool, true});
    m_layout->insertWidget(layoutIndex, tool);
    refold();
}

void PaneToolRow::setToolWanted(QToolButton *tool, bool wanted)
{
    for (Tool &t : m_tools) {
        if (t.button == tool)
            t.wanted = wanted;
    }
    refold();
}

void PaneToolRow::setPaneTitle(const QString &title)
{
    m_paneTitle = title;
    retranslate();
}

QList<QToolButton *> PaneToolRow::tools() const
{
    QList<QToolButton *> out;
    for (const Tool &t : m_tools) {
        if (t.wanted)
            out << t.button;
    }
    return out;
}

QSize PaneToolRow::minimumSizeHint() const
{
    int width = m_fold->sizeHint().width();
    for (const QToolButton *c : m_controls)
        width += kSpacing + c->sizeHint().width();
    return {width, QWidget::minimumSizeHint().height()};
}

int PaneToolRow::fullWidth() const
{
    int width = 0;
    for (const QToolButton *c : m_controls)
        width += c->sizeHint().width() + kSpacing;
    for (const QToolButton *t : tools())
        width += t->sizeHint().width() + kSpacing;
    return width;
}

// The tools beside the controls when the whole row fits, else behind the fold button. The row
// unfolds only at a width that holds it, so unfolding never makes the pane ask for more.
void PaneToolRow::refold()
{
    const bool anyTool = !tools().isEmpty();
    m_folded = anyTool && width() < fullWidth();
    for (const Tool &t : m_tools)
        t.button->setVisible(t.wanted && !m_folded);
    m_fold->setVisible(m_folded);
}

bool PaneToolRow::event(QEvent *event)
{
    if (event->type() == QEvent::LayoutRequest)
        refold();  // a tool's text changed ("Faults (2)"): the row may no longer fit
    return QWidget::event(event);
}

void PaneToolRow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    refold();
}

void PaneToolRow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        refold();
}

// Each tool as it is in the row: a menu of its own as a submenu, a switch as a checkable
// entry, a button as an entry; disabled where the button is.
void PaneToolRow::fillFoldMenu()
{
    m_foldMenu->clear();
    for (QToolButton *b : tools()) {
        QAction *entry = nullptr;
        if (QMenu *own = b->menu()) {
            own->setTitle(b->text());
            entry = m_foldMenu->addMenu(own);
        } else {
            entry = m_foldMenu->addAction(b->text());
            if (b->isCheckable()) {
                entry->setCheckable(true);
                entry->setChecked(b->isChecked());
                connect(entry, &QAction::toggled, b, &QToolButton::setChecked);
            } else {
                connect(entry, &QAction::triggered, b, &QToolButton::click);
            }
        }
        entry->setEnabled(b->isEnabled());
        entry->setToolTip(b->toolTip());
        entry->setStatusTip(b->toolTip());
    }
    m_foldMenu->setToolTipsVisible(true);
}

void PaneToolRow::retranslate()
{
    // The glyph alone: a word would cost three classroom panes the last pixels of 1280.
    m_fold->setText(QStringLiteral("\u22EF"));
    const QString name = tr("Tools");
    m_fold->setToolTip(tr("%1: more of this pane's controls (the pane is too narrow to show them all in its row)").arg(name));
    m_fold->setAccessibleName(m_paneTitle.isEmpty() ? name : QStringLiteral("%1: %2").arg(m_paneTitle, name));
}
