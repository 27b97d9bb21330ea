#include "PredictionPresenter.h"

#include "MainWindow.h"
#include "PaneView.h"
#include "PredictionCard.h"

#include <LabProgress.h>
#include <LabSession.h>
#include <PredictionTracker.h>

#include <QEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>

namespace {
constexpr int kMargin = 4;
constexpr double kClassroomMargin = 0.04;  // of the window's size, each side
constexpr double kMostOfPane = 0.75;       // a card leaves the top of the listing in view
} // namespace

PredictionPresenter::PredictionPresenter(MainWindow &window, LabSession &session, LabProgress *progress, const QString &language,
                                         QObject *parent)
    : QObject(parent), m_window(window), m_session(session), m_progress(progress), m_language(language),
      m_tracker(new PredictionTracker(session, this))
{
    connect(m_tracker, &PredictionTracker::asked, this, &PredictionPresenter::show);
    connect(m_tracker, &PredictionTracker::revealed, this, [this](const PredictionDefinition &p, const PredictionOutcome &o) {
        if (m_progress)
            m_progress->recordPrediction(m_session.lab().id, p.id, o.skipped, o.right);
        if (PredictionCard *card = m_cards.value(p.id)) {
            card->reveal(o);
            place(card);
        }
    });
    connect(m_tracker, &PredictionTracker::withdrawn, this, &PredictionPresenter::drop);
    m_window.installEventFilter(this);
}

PredictionPresenter::~PredictionPresenter()
{
    m_window.removeEventFilter(this);
    for (const QPointer<PredictionCard> &card : std::as_const(m_cards))
        delete card.data();
}

PredictionCard *PredictionPresenter::card(const QString &predictionId) const
{
    return m_cards.value(predictionId);
}

QList<PredictionCard *> PredictionPresenter::cards() const
{
    QList<PredictionCard *> out;
    for (const QPointer<PredictionCard> &card : m_cards) {
        if (card)
            out << card.data();
    }
    return out;
}

QWidget *PredictionPresenter::hostFor(const PredictionDefinition &p) const
{
    if (m_classroom)
        return &m_window;
    PaneView *view = m_window.paneView(p.pane);
    return view ? static_cast<QWidget *>(view) : &m_window;
}

void PredictionPresenter::show(const PredictionDefinition &p)
{
    drop(p.id);  // asked again in a later run: a fresh card
    const PaneDefinition *pane = m_session.lab().pane(p.pane);
    const int line = pane ? pane->steps.value(p.beforeStep).line : 0;
    const PaneRunner *runner = m_session.pane(p.pane);
    const QStringList listing = runner ? runner->listing() : QStringList();
    const QString code = line > 0 && line <= listing.size() ? listing.at(line - 1).trimmed() : QString();
    const QString caption = tr("%1 · line %2, before it runs: %3")
                                .arg(pane ? pane->title.in(m_language) : p.pane)
                                .arg(line)
                                .arg(code.section(QStringLiteral("  #"), 0, 0).trimmed());
    QWidget *host = hostFor(p);
    auto *card = new PredictionCard(p, caption, m_language,
                                    m_classroom ? PredictionCard::Form::Classroom : PredictionCard::Form::AtPane, host);
    m_cards.insert(p.id, card);
    m_shown.insert(p.id, p);
    connect(card, &PredictionCard::committed, this, [this, id = p.id](int answer) { m_tracker->answer(answer, id); });
    connect(card, &PredictionCard::skipped, this, [this, id = p.id] { m_tracker->skip(id); });
    connect(card, &PredictionCard::dismissed, this, [this, id = p.id] { drop(id); });
    if (host != &m_window)
        host->installEventFilter(this);
    place(card);
    card->show();
    card->raise();
    if (auto *view = qobject_cast<PaneView *>(host)) {
        // The marked line at the top of the listing, so the card below does not hide it.
        QPlainTextEdit *listingView = view->listing();
        listingView->verticalScrollBar()->setValue(std::max(0, listingView->textCursor().block().blockNumber() - 1));
    }
}

void PredictionPresenter::place(PredictionCard *card)
{
    QWidget *host = card->parentWidget();
    if (!host)
        return;
    if (host == &m_window) {
        const int dx = int(host->width() * kClassroomMargin);
        const int dy = int(host->height() * kClassroomMargin);
        card->setGeometry(host->rect().adjusted(dx, dy, -dx, -dy));
        return;
    }
    // At the pane: from below its listing to its bottom, taller when the card needs it.
    const int width = host->width() - 2 * kMargin;
    const int needed = card->hasHeightForWidth() ? card->heightForWidth(width) : card->sizeHint().height();
    int top = host->height() - kMargin - needed;
    if (auto *view = qobject_cast<PaneView *>(host))
        top = std::min(top, view->listing()->geometry().bottom() + kMargin);
    top = std::max(top, host->height() - kMargin - int(host->height() * kMostOfPane));
    card->setGeometry(kMargin, top, width, host->height() - kMargin - top);
}

void PredictionPresenter::drop(const QString &predictionId)
{
    if (PredictionCard *card = m_cards.take(predictionId))
        card->deleteLater();
    m_shown.remove(predictionId);
}

void PredictionPresenter::setClassroom(bool on)
{
    if (m_classroom == on)
        return;
    m_classroom = on;
    // A question still asked moves to the new place; one answered stays where it was answered.
    const QStringList asked = m_tracker->pendingIds();
    for (const QString &id : asked) {
        const PredictionDefinition p = m_shown.value(id);
        if (!p.id.isEmpty())
            show(p);
    }
}

bool PredictionPresenter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest) {
        for (const QPointer<PredictionCard> &card : std::as_const(m_cards)) {
            if (card && card->parentWidget() == watched)
                place(card);
        }
    }
    return QObject::eventFilter(watched, event);
}
