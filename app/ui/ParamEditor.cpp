#include "ParamEditor.h"

#include <PaneRunner.h>

#include <QGridLayout>
#include <QLabel>
#include <QComboBox>
#include <QEvent>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <utility>

namespace {

// A spin box that lets the learner type a number outside the parameter's range, so the
// pane can say why it is refused instead of the keystroke silently vanishing; its arrows
// stay inside the range.
class ParamSpinBox : public QSpinBox {
public:
    ParamSpinBox(qlonglong minimum, qlonglong maximum)
        : m_min(int(std::clamp<qlonglong>(minimum, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()))),
          m_max(int(std::clamp<qlonglong>(maximum, m_min, std::numeric_limits<int>::max())))
    {
        // One digit more than the range needs, either sign: room to type a mistake.
        const qlonglong wide = std::min<qlonglong>(std::max(std::abs(qlonglong(m_min)), std::abs(qlonglong(m_max))) * 10 + 9,
                                                   std::numeric_limits<int>::max());
        setRange(int(-wide), int(wide));
        setKeyboardTracking(false);  // valueChanged on Enter, focus out and the arrows, not per keystroke
    }

    void stepBy(int steps) override { setValue(std::clamp(value() + steps, m_min, m_max)); }

protected:
    StepEnabled stepEnabled() const override
    {
        if (isReadOnly())
            return StepNone;
        StepEnabled enabled = StepNone;
        if (value() < m_max)
            enabled |= StepUpEnabled;
        if (value() > m_min)
            enabled |= StepDownEnabled;
        return enabled;
    }

private:
    int m_min;
    int m_max;
};

} // namespace

ParamEditor::ParamEditor(PaneRunner *runner, const QString &language, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_language(language), m_form(new QWidget), m_runningNote(new QLabel)
{
    m_runningNote->setWordWrap(true);
    m_runningNote->setStyleSheet(QStringLiteral("color:#806000"));

    auto *grid = new QGridLayout(m_form);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(0, 1);
    int row = 0;
    for (const ParamDefinition &p : runner->definition().params) {
        Field f;
        f.param = &p;
        // The label wraps (Chinese too, between any two characters) and the form grows with
        // it: no word of it is ever cut off, however narrow the pane.
        auto *label = new QLabel;
        label->setWordWrap(true);
        label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
        label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 8);
        f.label = label;
        QWidget *input = nullptr;
        if (p.type == ParamDefinition::Type::Int) {
            f.spin = new ParamSpinBox(p.minimum, p.maximum);
            input = f.spin;
        } else if (!p.choices.isEmpty()) {
            f.combo = new QComboBox;
            f.combo->addItems(p.choices);
            input = f.combo;
        } else {
            f.line = new QLineEdit;
            input = f.line;
        }
        input->setMinimumWidth(input->fontMetrics().horizontalAdvance(QStringLiteral("0000000000000")));
        label->setBuddy(input);
        f.problem = new QLabel;
        f.problem->setWordWrap(true);
        f.problem->setStyleSheet(QStringLiteral("color:#c00000"));
        f.problem->hide();
        grid->addWidget(label, row, 0, Qt::AlignTop);
        grid->addWidget(input, row, 1, Qt::AlignTop);
        grid->addWidget(f.problem, ++row, 0, 1, 2);
        if (!p.follows.isEmpty()) {
            f.follow = new QLabel;
            f.follow->setWordWrap(true);
            f.follow->setStyleSheet(QStringLiteral("color:#505a6a"));
            grid->addWidget(f.follow, ++row, 0, 1, 2);
        }
        ++row;
        m_fields.append(f);
    }
    // Connected once the list no longer moves: the lambdas find their field by index.
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (m_fields[i].spin) {
            connect(m_fields[i].spin, &QSpinBox::valueChanged, this, [this, i] { apply(m_fields[i]); });
            // Also on leaving: a half-typed number ("-") the spin box reverts then must not
            // leave a stale reason behind.
            connect(m_fields[i].spin, &QSpinBox::editingFinished, this, [this, i] { apply(m_fields[i]); });
        } else if (m_fields[i].combo) {
            connect(m_fields[i].combo, &QComboBox::currentTextChanged, this, [this, i] { apply(m_fields[i]); });
        } else {
            connect(m_fields[i].line, &QLineEdit::editingFinished, this, [this, i] { apply(m_fields[i]); });
        }
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_runningNote);
    layout->addWidget(m_form);
    if (m_fields.isEmpty()) {
        m_noParams = new QLabel;
        layout->addWidget(m_noParams);
    }
    layout->addStretch();
    retranslate();

    for (Field &f : m_fields)
        f.shown = textOf(f);  // empty forms: nothing typed yet
    connect(runner, &PaneRunner::paramsChanged, this, &ParamEditor::sync);
    connect(runner, &PaneRunner::stateChanged, this, &ParamEditor::updateEnabled);
    sync();
    updateEnabled();
}

ParamEditor::~ParamEditor()
{
    // ~QWidget still moves the focus out of a field, whose editingFinished would then
    // reach a half-destroyed editor.
    for (const Field &f : m_fields) {
        if (f.spin)
            disconnect(f.spin, nullptr, this, nullptr);
        if (f.line)
            disconnect(f.line, nullptr, this, nullptr);
        if (f.combo)
            disconnect(f.combo, nullptr, this, nullptr);
    }
}

QString ParamEditor::textOf(const Field &field) const
{
    if (field.combo)
        return field.combo->currentText();
    return field.spin ? field.spin->cleanText() : field.line->text();
}

void ParamEditor::setText(Field &field, const QString &value)
{
    if (field.spin) {
        const QSignalBlocker quiet(field.spin);  // showing a value is not the learner choosing it
        field.spin->setValue(value.toInt());
    } else if (field.combo) {
        const QSignalBlocker quiet(field.combo);
        field.combo->setCurrentIndex(field.combo->findText(value));
    } else if (field.line->text() != value) {
        field.line->setText(value);
    }
    field.shown = textOf(field);
}

bool ParamEditor::apply(Field &field)
{
    const QString text = textOf(field);
    const QString &name = field.param->name;
    if (m_runner->isFollowing(name))
        return true;  // read-only: the other pane's value
    // Unchanged text is not a choice: setting it would stop a parameter from following.
    QString problem;
    if (text.trimmed() != m_runner->paramValues().value(name)) {
        // The text becomes the shown value now: sync() runs inside setParam() and may tidy it.
        const QString before = std::exchange(field.shown, text);
        problem = m_runner->setParam(name, text);
        if (!problem.isEmpty())
            field.shown = before;
    }
    const bool wasRefused = hasProblems();
    field.refused = !problem.isEmpty();
    field.problem->setText(problem);
    field.problem->setVisible(field.refused);
    if (hasProblems() != wasRefused)
        emit problemsChanged(!wasRefused);
    return !field.refused;
}

bool ParamEditor::commit()
{
    bool ok = true;
    for (Field &f : m_fields)
        ok = apply(f) && ok;
    return ok;
}

void ParamEditor::sync()
{
    const QHash<QString, QString> values = m_runner->paramValues();
    const bool hadProblems = hasProblems();
    for (Field &f : m_fields) {
        const QString &name = f.param->name;
        const bool following = m_runner->isFollowing(name);
        if (following && f.refused) {  // the other pane's value is what will be used
            f.refused = false;
            f.problem->hide();
        }
        // Never over what the learner is typing, unless the other pane's value rules.
        if (following || (!f.refused && textOf(f) == f.shown))
            setText(f, values.value(name));
        if (f.spin)
            f.spin->setReadOnly(following);
        else if (f.combo)
            f.combo->setEnabled(!following);
        else
            f.line->setReadOnly(following);
        if (f.follow) {
            const QString &source = f.param->follows;
            f.follow->setText(following ? tr("↳ follows %1: set by that pane, read-only while it is").arg(source)
                              : m_runner->hasOwnValue(name) ? tr("↳ your value, used instead of %1").arg(source)
                                                            : tr("↳ will follow %1 once that pane publishes it").arg(source));
        }
    }
    if (hasProblems() != hadProblems)
        emit problemsChanged(hasProblems());
}

// The listing line the value goes into, as the learner sees it: the listing names the value
// (BUFSIZ = 1024), not the parameter (bufsize).
QString ParamEditor::placeInListing(const ParamDefinition &param) const
{
    const QString marker = QStringLiteral("{{%1}}").arg(param.name);
    const QStringList &raw = m_runner->definition().listing;
    const QStringList shown = m_runner->listing();
    for (qsizetype i = 0; i < raw.size() && i < shown.size(); ++i) {
        if (raw.at(i).contains(marker)) {
            QString code = shown.at(i);
            if (const qsizetype hash = code.indexOf(QLatin1Char('#')); hash >= 0)
                code = code.left(hash);
            return tr("Goes into line %1 of the listing: %2").arg(i + 1).arg(code.trimmed());
        }
    }
    return tr("A value the program uses");
}

void ParamEditor::setLanguage(const QString &language)
{
    m_language = language;
    retranslate();
    sync();  // the "follows" notes
}

void ParamEditor::retranslate()
{
    m_runningNote->setText(tr("The pane is running: stop it (or Reset) to change its parameters."));
    if (m_noParams)
        m_noParams->setText(tr("This pane has no parameters."));
    for (Field &f : m_fields) {
        const ParamDefinition &p = *f.param;
        f.label->setText(p.label.in(m_language));
        f.label->setToolTip(QStringLiteral("%1\n%2").arg(p.label.in(m_language), placeInListing(p)));
        if (f.spin)
            f.spin->setToolTip(tr("A whole number from %1 to %2").arg(p.minimum).arg(p.maximum));
        if (f.refused)  // why, in the new language
            f.problem->setText(p.check(textOf(f)));
    }
}

void ParamEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        sync();
    }
}

QLabel *ParamEditor::label(const QString &name) const
{
    for (const Field &f : m_fields) {
        if (f.param->name == name)
            return f.label;
    }
    return nullptr;
}

void ParamEditor::updateEnabled()
{
    // By state too: start() reports Running just before its thread exists.
    using State = PaneRunner::State;
    const State state = m_runner->state();
    const bool running = m_runner->isActive() || state == State::Running || state == State::Paused || state == State::WaitingForInput;
    m_form->setEnabled(!running);
    m_runningNote->setVisible(running);
}

bool ParamEditor::hasProblems() const
{
    return std::any_of(m_fields.cbegin(), m_fields.cend(), [](const Field &f) { return f.refused; });
}

QWidget *ParamEditor::field(const QString &name) const
{
    for (const Field &f : m_fields) {
        if (f.param->name == name)
            return f.spin ? static_cast<QWidget *>(f.spin) : f.combo ? static_cast<QWidget *>(f.combo) : f.line;
    }
    return nullptr;
}

QLabel *ParamEditor::problemLabel(const QString &name) const
{
    for (const Field &f : m_fields) {
        if (f.param->name == name)
            return f.problem;
    }
    return nullptr;
}

QLabel *ParamEditor::followLabel(const QString &name) const
{
    for (const Field &f : m_fields) {
        if (f.param->name == name)
            return f.follow;
    }
    return nullptr;
}
