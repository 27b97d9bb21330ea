#include "ReplayPredictions.h"

#include "PredictionCard.h"
#include "PredictionPresenter.h"
#include "ReplayController.h"
#include "ReplayPaneView.h"

#include <LabLoader.h>
#include <LabProgress.h>
#include <PaneMoment.h>
#include <RunRecording.h>

#include <QEvent>
#include <QHash>

#include <algorithm>
#include <limits>

namespace {
constexpr std::int64_t kNoLimit = std::numeric_limits<std::int64_t>::max();
constexpr int kMargin = 4;
constexpr double kMostOfPane = 0.75;  // the card leaves the marked line in view
} // namespace

std::vector<ReplayPredictions::Ask> ReplayPredictions::askMoments(const RunRecording &recording,
                                                                  const QList<PredictionDefinition> &predictions)
{
    std::vector<Ask> asks;
    if (predictions.isEmpty())
        return asks;
    QHash<QString, int> reached;  // "pane\nstep" -> times the pane reached that step
    for (const PaneReport &r : recording.reports()) {
        if (r.kind != PaneReport::Kind::Step)
            continue;
        const int times = ++reached[r.pane + QLatin1Char('\n') + r.text];
        for (const PredictionDefinition &p : predictions) {
            if (p.pane == r.pane && p.beforeStep == r.text && p.occurrence == times)
                asks.push_back(Ask{r.timeNs, p});
        }
    }
    std::stable_sort(asks.begin(), asks.end(), [](const Ask &a, const Ask &b) { return a.timeNs < b.timeNs; });
    return asks;
}

std::optional<PredictionOutcome> ReplayPredictions::judge(const RunRecording &recording, const Ask &ask, PredictionOutcome answer)
{
    // The run fed to the judge as the live tracker was fed it: the ticks, each pane's console
    // lines and next steps, the answer given when the pane stood at the step.
    std::uint64_t before = 0;  // the trace's events up to the question came before the step
    for (const RecordedFrame &f : recording.frames()) {
        for (const socketlab::TraceEvent &e : f.events) {
            if (e.timeNs <= ask.timeNs)
                before = std::max(before, e.sequence);
        }
    }
    PredictionJudge judge;
    bool answered = false;
    std::optional<PredictionOutcome> outcome;
    const std::deque<PaneReport> &reports = recording.reports();
    std::size_t next = 0;
    const auto reportsUpTo = [&](std::int64_t timeNs) {
        for (; next < reports.size() && reports[next].timeNs <= timeNs; ++next) {
            const PaneReport &r = reports[next];
            if (r.kind == PaneReport::Kind::Output)
                judge.printed(r.pane, r.text);
            else if (answered && r.timeNs > ask.timeNs && (r.kind == PaneReport::Kind::Step || r.kind == PaneReport::Kind::Finished))
                judge.paneMoved(r.pane);
        }
    };
    const auto onTick = [&](const RunTick &tick) {
        if (!answered && tick.nowNs > ask.timeNs) {
            reportsUpTo(ask.timeNs);
            judge.answered(&ask.prediction, answer, before);
            answered = true;
        }
        reportsUpTo(tick.nowNs);
        for (const PredictionJudge::Revealed &r : judge.take(tick))
            outcome = r.outcome;
    };
    // A tick at a time, up to the one that shows the step has run: not the rest of a long run.
    std::int64_t fed = std::numeric_limits<std::int64_t>::min();
    for (const RecordedFrame &f : recording.frames()) {
        if (outcome)
            break;
        recording.feedUntil(f.timeNs, onTick, fed);
        fed = f.timeNs;
    }
    return outcome;
}

ReplayPredictions::ReplayPredictions(ReplayController *controller, const LabCatalog &catalog, LabProgress *progress,
                                     const QString &language, QObject *parent)
    : QObject(parent), m_controller(controller), m_catalog(catalog), m_progress(progress), m_language(language)
{
    connect(controller, &ReplayController::sourceChanged, this, &ReplayPredictions::sourceChanged);
    connect(controller, &ReplayController::momentChanged, this, &ReplayPredictions::momentChanged);
}

ReplayPredictions::~ReplayPredictions()
{
    dropCard();
}

void ReplayPredictions::setAsking(bool ask)
{
    if (ask == m_asking)
        return;
    m_asking = ask;
    limitToNext();
}

const PredictionDefinition *ReplayPredictions::pending() const
{
    if (!m_asking || !m_controller->isSaved() || m_next >= m_asks.size())
        return nullptr;
    return &m_asks[m_next].prediction;
}

PredictionCard *ReplayPredictions::card() const
{
    return m_card.data();
}

void ReplayPredictions::sourceChanged()
{
    dropCard();
    m_asks.clear();
    m_next = 0;
    if (m_controller->isSaved()) {
        if (const LabDefinition *installed = m_catalog.find(m_controller->recording()->lab().id))
            m_asks = askMoments(*m_controller->recording(), installed->predictions);
    }
    limitToNext();
}

void ReplayPredictions::limitToNext()
{
    if (!m_controller->isSaved())
        return;  // a live run's limit is the run itself
    const PredictionDefinition *next = pending();
    m_controller->setRevealLimit(next ? m_asks[m_next].timeNs : kNoLimit);
    if (!next)
        dropCard();
    momentChanged(m_controller->moment());
}

void ReplayPredictions::momentChanged(std::int64_t timeNs)
{
    // The card asks while the timeline stands at the question; going back hides it.
    if (pending() && timeNs >= m_asks[m_next].timeNs)
        showCard();
    else if (m_card)
        m_card->hide();
}

void ReplayPredictions::showCard()
{
    const Ask &ask = m_asks[m_next];
    if (m_card && m_card->predictionId() == ask.prediction.id) {
        m_card->show();
        return;
    }
    dropCard();
    ReplayPaneView *host = m_controller->paneView(ask.prediction.pane);
    if (!host)
        return;
    QStringList listing;  // as the pane showed it then, parameters in place
    for (const PaneMoment &m : paneMomentsAt(*m_controller->recording(), ask.timeNs)) {
        if (m.pane == ask.prediction.pane)
            listing = m.listing;
    }
    const QString caption = PredictionPresenter::caption(m_controller->recording()->lab(), ask.prediction, listing, m_language);
    m_card = new PredictionCard(ask.prediction, caption, m_language, PredictionCard::Form::AtPane, host);
    connect(m_card, &PredictionCard::committed, this, [this, id = ask.prediction.id](int answer) {
        PredictionOutcome given;
        given.predictionId = id;
        given.answer = answer;
        answered(given);
    });
    connect(m_card, &PredictionCard::skipped, this, [this, id = ask.prediction.id] {
        PredictionOutcome given;
        given.predictionId = id;
        given.skipped = true;
        answered(given);
    });
    host->installEventFilter(this);
    placeCard();
    m_card->show();
    m_card->raise();
}

void ReplayPredictions::placeCard()
{
    QWidget *host = m_card ? m_card->parentWidget() : nullptr;
    if (!host)
        return;
    const int width = host->width() - 2 * kMargin;
    const int needed = m_card->hasHeightForWidth() ? m_card->heightForWidth(width) : m_card->sizeHint().height();
    const int top = std::max(host->height() - kMargin - needed, host->height() - kMargin - int(host->height() * kMostOfPane));
    m_card->setGeometry(kMargin, top, width, host->height() - kMargin - top);
}

void ReplayPredictions::dropCard()
{
    if (!m_card)
        return;
    if (QWidget *host = m_card->parentWidget())
        host->removeEventFilter(this);
    m_card->deleteLater();
    m_card = nullptr;
}

void ReplayPredictions::answered(PredictionOutcome answer)
{
    // It counts as a live answer counts, once the recording shows what the step did.
    const RunRecording &recording = *m_controller->recording();
    if (const std::optional<PredictionOutcome> judged = judge(recording, m_asks[m_next], std::move(answer)); judged && m_progress)
        m_progress->recordPrediction(recording.lab().id, judged->predictionId, judged->skipped, judged->right);
    // The answer is given: the run may show the step now, and does, one change on.
    dropCard();
    ++m_next;
    limitToNext();
    m_controller->forward();
}

bool ReplayPredictions::eventFilter(QObject *watched, QEvent *event)
{
    if (m_card && watched == m_card->parentWidget() && (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest))
        placeCard();
    return QObject::eventFilter(watched, event);
}
