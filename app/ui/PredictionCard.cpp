#include "PredictionCard.h"

#include <PredictionTracker.h>

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

constexpr double kClassroomScale = 2.0;  // on top of presentation mode's own larger font: read from the back row
constexpr int kLargestNumber = 1'000'000;

QString letter(int index)
{
    return QString(QChar(u'A' + index));
}

QFont scaled(const QFont &font, double factor, bool bold)
{
    QFont f = font;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(int(f.pixelSize() * factor));
    f.setBold(bold);
    return f;
}

QLabel *wrapped(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// Background and text colours without a style sheet, so the card keeps the window's font.
void paint(QWidget *w, const QColor &background)
{
    QPalette p = w->palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::ButtonText, Qt::black);
    w->setPalette(p);
    w->setAutoFillBackground(true);
}

} // namespace

PredictionCard::PredictionCard(const PredictionDefinition &prediction, const QString &caption, const QString &language,
                               Form form, QWidget *parent)
    : QFrame(parent), m_prediction(prediction), m_language(language), m_form(form), m_status(wrapped({})),
      m_choices(new QButtonGroup(this)), m_askRow(new QWidget), m_commit(new QPushButton), m_skip(new QPushButton),
      m_verdict(new QLabel), m_happened(wrapped({})), m_explanation(wrapped({})), m_continue(new QPushButton)
{
    const bool classroom = form == Form::Classroom;
    setObjectName(QStringLiteral("predictionCard"));
    setFrameShape(QFrame::Box);
    setLineWidth(2);
    if (classroom)
        setFont(scaled(font(), kClassroomScale, false));
    paint(this, QColor(255, 248, 214));
    setAccessibleName(tr("Prediction"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    if (classroom)
        layout->addStretch();  // with the stretch at the end: the card's content in the middle of the screen
    auto *head = wrapped(caption);
    head->setFont(scaled(font(), 0.9, false));
    layout->addWidget(head);
    auto *question = wrapped(prediction.question.in(language));
    question->setFont(scaled(font(), classroom ? 1.25 : 1.1, true));
    layout->addWidget(question);
    if (classroom)
        layout->addWidget(wrapped(tr("Vote first. Then the teacher picks the class's answer and commits it: the step runs "
                                     "and the card shows what really happened.")));

    // The answer: one button per choice, or a number.
    auto *answers = new QVBoxLayout;
    for (qsizetype i = 0; i < prediction.choices.size(); ++i) {
        const QString text = QStringLiteral("%1   %2").arg(letter(int(i)), prediction.choices.at(i).text.in(language));
        QAbstractButton *button = nullptr;
        if (classroom) {
            auto *big = new QPushButton(text);
            big->setCheckable(true);
            big->setMinimumHeight(big->sizeHint().height() * 3 / 2);
            button = big;
        } else {
            button = new QRadioButton(text);
        }
        m_choices->addButton(button, int(i));
        answers->addWidget(button);
    }
    m_choices->setExclusive(true);
    if (prediction.choices.isEmpty()) {
        m_number = new QSpinBox;
        m_number->setRange(-1, kLargestNumber);
        m_number->setSpecialValueText(QStringLiteral("?"));
        m_number->setValue(-1);
        m_number->setAccessibleName(tr("Your answer"));
        auto *row = new QHBoxLayout;
        row->addWidget(new QLabel(tr("Your answer:")));
        row->addWidget(m_number);
        row->addStretch();
        answers->addLayout(row);
        connect(m_number, &QSpinBox::valueChanged, this, &PredictionCard::updateCommit);
    }
    connect(m_choices, &QButtonGroup::idClicked, this, &PredictionCard::updateCommit);
    auto *buttons = new QHBoxLayout;
    m_commit->setText(classroom ? tr("Commit the class's answer") : tr("Commit"));
    m_commit->setToolTip(tr("Lock in this answer: the step runs, and the card shows what really happened"));
    m_skip->setText(tr("Skip"));
    m_skip->setToolTip(tr("Run the step without answering (recorded as skipped)"));
    buttons->addWidget(m_commit);
    buttons->addWidget(m_skip);
    buttons->addStretch();
    auto *ask = new QVBoxLayout(m_askRow);
    ask->setContentsMargins(0, 0, 0, 0);
    ask->addLayout(answers);
    ask->addLayout(buttons);
    layout->addWidget(m_askRow);

    m_verdict->setFont(scaled(font(), classroom ? 1.4 : 1.15, true));
    layout->addWidget(m_verdict);
    layout->addWidget(m_happened);
    layout->addWidget(m_explanation);
    m_continue->setText(tr("Continue"));
    auto *end = new QHBoxLayout;
    end->addWidget(m_continue);
    end->addStretch();
    layout->addLayout(end);
    layout->addWidget(m_status);
    layout->addStretch();

    connect(m_commit, &QPushButton::clicked, this, [this] {
        if (answer() < 0)
            return;
        m_status->setText(tr("Your answer: %1. The step runs now…").arg(choiceText(answer())));
        setStage(Stage::Running);
        emit committed(answer());
    });
    connect(m_skip, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Skipped. The step runs now…"));
        setStage(Stage::Running);
        emit skipped();
    });
    connect(m_continue, &QPushButton::clicked, this, &PredictionCard::dismissed);
    setStage(Stage::Asking);
    updateCommit();
}

int PredictionCard::answer() const
{
    return m_number ? m_number->value() : m_choices->checkedId();
}

void PredictionCard::choose(int value)
{
    if (m_number) {
        m_number->setValue(value);
    } else if (QAbstractButton *b = m_choices->button(value)) {
        b->setChecked(true);
    }
    updateCommit();
}

QAbstractButton *PredictionCard::choiceButton(int index) const
{
    return m_choices->button(index);
}

void PredictionCard::updateCommit()
{
    m_commit->setEnabled(m_stage == Stage::Asking && answer() >= 0);
}

QString PredictionCard::choiceText(int index) const
{
    if (m_prediction.choices.isEmpty())
        return QString::number(index);
    if (index < 0 || index >= m_prediction.choices.size())
        return {};
    return QStringLiteral("%1   %2").arg(letter(index), m_prediction.choices.at(index).text.in(m_language));
}

QString PredictionCard::observedText(const PredictionOutcome &o) const
{
    if (o.rightChoice >= 0)
        return choiceText(o.rightChoice);
    if (o.observed.isEmpty())
        return tr("the run did not show it (the step made no call to watch)");
    return o.observed;  // a number, an exception's name, a line the pane printed
}

void PredictionCard::setStage(Stage stage)
{
    m_stage = stage;
    m_askRow->setVisible(stage == Stage::Asking);
    m_verdict->setVisible(stage == Stage::Revealed);
    m_happened->setVisible(stage == Stage::Revealed);
    m_explanation->setVisible(stage == Stage::Revealed);
    m_continue->setVisible(stage == Stage::Revealed);
    m_status->setVisible(stage == Stage::Running);
    updateCommit();
}

void PredictionCard::reveal(const PredictionOutcome &o)
{
    const bool classroom = m_form == Form::Classroom;
    if (o.skipped)
        m_verdict->setText(tr("Skipped — here is what happened"));
    else if (o.right)
        m_verdict->setText(classroom ? tr("✓ Right: the class predicted it") : tr("✓ Right"));
    else
        m_verdict->setText(classroom ? tr("✗ Not this time: the run did something else") : tr("✗ Not this time"));
    QString happened;
    if (!o.skipped)
        happened = tr("You said: %1").arg(m_prediction.choices.isEmpty() ? QString::number(o.answer) : choiceText(o.answer)) + QLatin1Char('\n');
    happened += tr("What happened: %1").arg(observedText(o));
    m_happened->setText(happened);
    m_explanation->setText(m_prediction.explanation.in(m_language));
    paint(this, o.skipped ? QColor(236, 236, 236) : o.right ? QColor(214, 240, 214) : QColor(255, 224, 200));
    setStage(Stage::Revealed);
}

QString PredictionCard::verdictText() const
{
    return m_verdict->text();
}

QString PredictionCard::happenedText() const
{
    return m_happened->text();
}
