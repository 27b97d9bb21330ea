#include "ReplayBar.h"

#include "ReplayController.h"
#include "RunTimeline.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

namespace {
constexpr int kRefreshMs = 50;  // the window's own refresh rate
} // namespace

QString replaySeconds(std::int64_t ns)
{
    return ReplayBar::tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 2);
}

ReplayBar::ReplayBar(ReplayController *controller, const Actions &actions, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_timeline(new RunTimeline(controller)), m_moment(new QLabel)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(2);
    auto button = [layout](QAction *action) {
        auto *b = new QToolButton;
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setAutoRaise(true);
        // A tool button follows its action's text and enabled state, not whether it is shown:
        // Now, which a saved run has none of, is hidden, not greyed.
        b->setVisible(action->isVisible());
        QObject::connect(action, &QAction::visibleChanged, b, [b, action] { b->setVisible(action->isVisible()); });
        layout->addWidget(b);
    };
    button(actions.start);
    button(actions.back);
    layout->addWidget(m_timeline, 1);
    button(actions.forward);
    button(actions.now);
    m_moment->setMargin(3);
    m_moment->setMinimumWidth(m_moment->fontMetrics().horizontalAdvance(QStringLiteral("0000.00 s / 0000.00 s")));
    m_moment->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_moment);
    connect(m_timeline, &RunTimeline::momentPicked, controller, &ReplayController::showMoment);
    connect(controller, &ReplayController::momentChanged, this, &ReplayBar::refresh);
    connect(controller, &ReplayController::lookingBackChanged, this, &ReplayBar::refresh);
    connect(controller, &ReplayController::sourceChanged, this, &ReplayBar::refresh);
    refresh();
}

void ReplayBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        refresh();
}

void ReplayBar::scheduleRefresh()
{
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QTimer::singleShot(kRefreshMs, this, &ReplayBar::refresh);
}

void ReplayBar::refresh()
{
    m_refreshScheduled = false;
    const RunRecording *r = m_controller->recording();
    const std::int64_t origin = m_controller->originNs();
    const std::int64_t end = r ? std::max<std::int64_t>(0, r->endNs() - origin) : 0;
    QPalette palette;
    if (!r) {
        m_moment->clear();
    } else if (m_controller->isLookingBack()) {
        m_moment->setText(tr("%1 of %2").arg(replaySeconds(m_controller->moment() - origin), replaySeconds(end)));
        palette.setColor(QPalette::Window, QColor(255, 210, 150));
        m_moment->setToolTip(m_controller->isSaved()
                                 ? tr("A saved run: the moment shown, of the whole run")
                                 : tr("An earlier moment of the run: nothing runs again and no socket is touched; Now returns"));
    } else {
        m_moment->setText(tr("live · %1").arg(replaySeconds(end)));
        palette.setColor(QPalette::Window, QColor(200, 235, 205));
        m_moment->setToolTip(tr("The run as it happens; Back (Shift+F10) shows an earlier moment"));
    }
    m_moment->setPalette(palette);
    m_moment->setAutoFillBackground(r != nullptr);
    m_timeline->update();
    emit refreshed();
}
