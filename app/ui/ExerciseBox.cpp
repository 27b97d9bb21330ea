#include "ExerciseBox.h"

#include "FaultText.h"

#include <ExerciseCheck.h>
#include <LabProgress.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QLabel *wrapped(Qt::TextFormat format = Qt::PlainText)
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextFormat(format);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ExerciseBox::ExerciseBox(const LabDefinition &lab, const ExerciseDefinition &exercise, LabProgress *progress,
                         const QString &language, std::function<ExerciseAnswer()> answer, QWidget *parent)
    : QGroupBox(exercise.title.in(language), parent), m_lab(lab), m_exercise(exercise), m_progress(progress),
      m_language(language), m_answer(std::move(answer)), m_state(wrapped()), m_results(wrapped(Qt::RichText)),
      m_hints(wrapped(Qt::RichText)), m_check(new QPushButton(tr("Check my answer"))), m_hint(new QPushButton)
{
    setObjectName(QStringLiteral("exercise-") + exercise.id);
    auto *layout = new QVBoxLayout(this);
    QLabel *task = wrapped();
    task->setText(exercise.task.in(language));
    layout->addWidget(task);
    m_check->setToolTip(tr("Runs the lab on real sockets with your parameters (and the faults you set on the panes), "
                           "apart from the lab in the window, and checks what happened"));
    m_hint->setToolTip(tr("Each hint says more than the one before; the hints you use are counted in your progress"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_check);
    buttons->addWidget(m_hint);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addWidget(m_state);
    layout->addWidget(m_results);
    layout->addWidget(m_hints);
    connect(m_check, &QPushButton::clicked, this, &ExerciseBox::check);
    connect(m_hint, &QPushButton::clicked, this, &ExerciseBox::showNextHint);
    if (m_progress) {
        connect(m_progress, &LabProgress::changed, this, [this](const QString &labId) {
            if (labId == m_lab.id) {
                showHints();  // Reset progress forgets the hints shown and the pass
                showState();
            }
        });
    }
    m_results->hide();
    showHints();
    showState();
}

ExerciseBox::~ExerciseBox() = default;  // a check still running stops its panes

bool ExerciseBox::isChecking() const
{
    return m_running && m_running->isRunning();
}

void ExerciseBox::check()
{
    if (isChecking())
        return;
    const ExerciseAnswer answer = m_answer ? m_answer() : ExerciseAnswer{};
    QStringList shown;
    for (auto it = answer.params.cbegin(); it != answer.params.cend(); ++it)
        shown << QStringLiteral("%1=%2").arg(it.key(), it.value());
    for (auto it = answer.faults.cbegin(); it != answer.faults.cend(); ++it) {
        if (const QString faults = FaultText::describe(it.value()); !faults.isEmpty())
            shown << QStringLiteral("%1: %2").arg(it.key(), faults);
    }
    shown.sort();
    m_answerShown = shown.isEmpty() ? tr("the lab's own values (you changed none)") : shown.join(QStringLiteral(", "));
    m_running = std::make_unique<ExerciseCheck>(m_lab, m_exercise, answer.params, answer.faults);
    connect(m_running.get(), &ExerciseCheck::finished, this, [this] {
        const bool passed = m_running->passed();
        if (m_progress)
            m_progress->recordExercise(m_lab.id, m_exercise.id, passed);
        showResults();
        showState();
        emit checked(passed);
    });
    m_check->setEnabled(false);
    m_results->hide();
    m_state->setText(tr("Checking on real sockets with %1 …").arg(m_answerShown));
    m_running->start();
}

QString ExerciseBox::variantText(const QString &name) const
{
    if (name.isEmpty())
        return {};
    for (const ExerciseVariant &v : m_exercise.variants) {
        if (v.name != name)
            continue;
        QStringList faults;
        for (auto it = v.faults.cbegin(); it != v.faults.cend(); ++it) {
            if (const QString d = FaultText::describe(it.value()); !d.isEmpty())
                faults << QStringLiteral("%1: %2").arg(it.key(), d);
        }
        return faults.isEmpty() ? tr("as it runs") : faults.join(QStringLiteral("; "));
    }
    return name;
}

void ExerciseBox::showResults()
{
    // One line per property and run, in the learner's language; a run under injected faults says which.
    QStringList lines;
    int passed = 0;
    for (const PropertyResult &r : m_running->results()) {
        QString text;
        if (r.passed) {
            ++passed;
            text = QStringLiteral("✓ ") + (r.success.en.isEmpty() ? tr("%1 holds").arg(r.id) : r.success.in(m_language));
        } else {
            text = QStringLiteral("✗ ") + r.failure.in(m_language);
            if (!r.detail.isEmpty())
                text += QStringLiteral(" — ") + tr("what happened: %1").arg(r.detail);
        }
        QString line = text.toHtmlEscaped();
        if (const QString variant = variantText(r.variant); !variant.isEmpty())
            line += QStringLiteral("<br><small>%1</small>").arg(tr("run with injected faults: %1").arg(variant).toHtmlEscaped());
        lines << QStringLiteral("<li style=\"color:%1\">%2</li>").arg(r.passed ? QStringLiteral("#1b5e20") : QStringLiteral("#8a1c00"), line);
    }
    const int total = int(m_running->results().size());
    m_results->setText(QStringLiteral("<p>%1</p><ul style=\"margin-left:-20px\">%2</ul>")
                           .arg(tr("Checked with %1: %2 of %3 hold.").arg(m_answerShown).arg(passed).arg(total).toHtmlEscaped(),
                                lines.join(QString())));
    m_results->show();
}

void ExerciseBox::showNextHint()
{
    const int shown = m_progress ? m_progress->hintsShown(m_lab.id, m_exercise.id) : 0;
    if (shown >= m_exercise.hints.size())
        return;
    if (m_progress)
        m_progress->recordHint(m_lab.id, m_exercise.id, shown + 1);  // changed() shows it
}

void ExerciseBox::showHints()
{
    const int shown = m_progress ? std::min<int>(m_progress->hintsShown(m_lab.id, m_exercise.id), int(m_exercise.hints.size())) : 0;
    QStringList lines;
    for (int i = 0; i < shown; ++i)
        lines << QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Hint %1:").arg(i + 1).toHtmlEscaped(), m_exercise.hints.at(i).in(m_language).toHtmlEscaped());
    m_hints->setText(lines.join(QString()));
    m_hints->setVisible(shown > 0);
    const int total = int(m_exercise.hints.size());
    m_hint->setEnabled(shown < total);
    m_hint->setText(shown == 0 ? tr("Show a hint (%1 available)").arg(total)
                    : shown < total ? tr("Next hint (%1 of %2 shown)").arg(shown).arg(total)
                                    : tr("All %1 hints shown").arg(total));
}

void ExerciseBox::showState()
{
    const bool passed = m_progress && m_progress->exercisePassed(m_lab.id, m_exercise.id);
    setTitle(passed ? tr("✓ %1 — passed").arg(m_exercise.title.in(m_language)) : m_exercise.title.in(m_language));
    m_check->setEnabled(!isChecking());
    if (!isChecking())
        m_state->setText(passed ? tr("Passed. You may check again with other values.") : tr("Not passed yet."));
}
