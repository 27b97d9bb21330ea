#include "PlaygroundPanel.h"

#include <playground/PlaygroundEngine.h>

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using playground::Arg;

namespace {

// What an argument field starts with, and offers.
QStringList suggestions(Arg arg, const PlaygroundEngine &engine, int family)
{
    switch (arg) {
    case Arg::Address: return engine.addressSuggestions(family);
    case Arg::Count: return {QStringLiteral("1024"), QStringLiteral("5"), QStringLiteral("1")};
    case Arg::Bytes:
        return {QStringLiteral("hello"), QStringLiteral("'héllo'.encode()"), QStringLiteral("'héllo'.encode('latin-1')"),
                QStringLiteral("line\\n")};
    case Arg::Value: return {QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("4096")};
    case Arg::Timeout: return {QStringLiteral("None"), QStringLiteral("0"), QStringLiteral("2.0")};
    default: return playground::choicesOf(arg);
    }
}

bool typed(Arg arg) { return playground::choicesOf(arg).isEmpty(); }

} // namespace

PlaygroundPanel::PlaygroundPanel(PlaygroundEngine *engine, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_family(new QComboBox), m_type(new QComboBox), m_socket(new QComboBox),
      m_method(new QComboBox), m_argRow(new QHBoxLayout), m_make(new QPushButton), m_save(new QPushButton),
      m_call(new QPushButton), m_stop(new QPushButton), m_history(new QListWidget), m_note(new QLabel)
{
    m_family->addItems(playground::choicesOf(Arg::Family));
    m_type->addItems(playground::choicesOf(Arg::Type));
    for (const playground::MethodInfo &m : playground::methods()) {
        if (!m.args.empty() && m.args.front() == Arg::Family)
            continue;  // socket() has its own row
        m_method->addItem(QLatin1String(m.name));
    }
    m_note->setWordWrap(true);
    m_history->setWordWrap(false);  // one line per line: a long one scrolls, none is cut
    m_history->setAlternatingRowColors(true);
    m_history->setTextElideMode(Qt::ElideNone);  // a call's lines are read whole
    QFont code(QStringLiteral("monospace"));
    code.setStyleHint(QFont::TypeWriter);
    m_history->setFont(code);

    auto *makeRow = new QHBoxLayout;
    makeRow->addWidget(new QLabel(QStringLiteral("socket(")));
    makeRow->addWidget(m_family);
    makeRow->addWidget(m_type);
    makeRow->addWidget(new QLabel(QStringLiteral(")")));
    makeRow->addWidget(m_make);
    makeRow->addStretch(1);
    makeRow->addWidget(m_save);
    auto *callRow = new QHBoxLayout;
    callRow->addWidget(m_socket);
    callRow->addWidget(new QLabel(QStringLiteral(".")));
    callRow->addWidget(m_method);
    callRow->addWidget(new QLabel(QStringLiteral("(")));
    callRow->addLayout(m_argRow, 1);
    callRow->addWidget(new QLabel(QStringLiteral(")")));
    callRow->addWidget(m_call);
    callRow->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(makeRow);
    layout->addLayout(callRow);
    layout->addWidget(m_note);
    layout->addWidget(m_history, 1);

    connect(m_make, &QPushButton::clicked, this, &PlaygroundPanel::makeSocket);
    connect(m_call, &QPushButton::clicked, this, &PlaygroundPanel::callChosen);
    connect(m_stop, &QPushButton::clicked, m_engine, &PlaygroundEngine::stop);
    connect(m_save, &QPushButton::clicked, this, &PlaygroundPanel::saveAs);
    connect(m_method, &QComboBox::currentTextChanged, this, &PlaygroundPanel::rebuildArguments);
    connect(m_socket, &QComboBox::currentTextChanged, this, &PlaygroundPanel::rebuildArguments);
    connect(m_engine, &PlaygroundEngine::socketsChanged, this, &PlaygroundPanel::refreshSockets);
    connect(m_engine, &PlaygroundEngine::historyChanged, this, &PlaygroundPanel::refreshHistory);
    retranslate();
}

void PlaygroundPanel::retranslate()
{
    m_make->setText(tr("New socket"));
    m_save->setText(tr("Save as Python…"));
    m_call->setText(tr("Call"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Ends a call that waits (accept, recv): the playground's sockets close with it"));
    m_socket->setPlaceholderText(tr("no socket yet"));
    m_note->clear();  // a note in the other language would be read as current
    refreshHistory();
    refreshSockets();  // "(closed)"
}

void PlaygroundPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

int PlaygroundPanel::chosenFamily() const
{
    for (const PlaygroundEngine::SocketInfo &s : m_engine->sockets()) {
        if (s.name == m_socket->currentData().toString())
            return s.family;
    }
    return 0;
}

void PlaygroundPanel::rebuildArguments()
{
    qDeleteAll(m_args);
    m_args.clear();
    const playground::MethodInfo *info = playground::findMethod(m_method->currentText());
    if (!info)
        return;
    for (Arg arg : info->args) {
        auto *field = new QComboBox;
        field->setEditable(typed(arg));
        field->addItems(suggestions(arg, *m_engine, chosenFamily()));
        field->setMinimumContentsLength(arg == Arg::Address || arg == Arg::Option ? 18 : 6);
        field->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_argRow->addWidget(field, arg == Arg::Address ? 2 : 1);
        m_args << field;
    }
}

void PlaygroundPanel::chooseMethod(const QString &method)
{
    m_method->setCurrentText(method);
}

void PlaygroundPanel::setArgument(int index, const QString &text)
{
    if (QComboBox *field = m_args.value(index)) {
        if (field->isEditable())
            field->setCurrentText(text);
        else
            field->setCurrentIndex(field->findText(text));
    }
}

bool PlaygroundPanel::makeSocket()
{
    const QString refused = m_engine->makeSocket(m_family->currentText(), m_type->currentText());
    m_note->setText(refused);
    return refused.isEmpty();
}

bool PlaygroundPanel::callChosen()
{
    QStringList args;
    for (const QComboBox *field : m_args)
        args << field->currentText();
    const QString socket = m_socket->currentData().toString();
    const QString refused = socket.isEmpty() ? tr("Make a socket first (New socket).")
                                             : m_engine->call(m_method->currentText(), socket, args);
    m_note->setText(refused);
    return refused.isEmpty();
}

void PlaygroundPanel::refreshSockets()
{
    const QString current = m_socket->currentData().toString();
    const int before = m_socket->count();
    m_socket->blockSignals(true);
    m_socket->clear();
    for (const PlaygroundEngine::SocketInfo &s : m_engine->sockets())
        m_socket->addItem(s.closed ? tr("%1 (closed)").arg(s.name) : s.name, s.name);  // still callable: Errno 9
    // A new socket is the one the learner most likely goes on with; otherwise keep the choice.
    const int kept = m_socket->findData(current);
    m_socket->setCurrentIndex(m_socket->count() > before || kept < 0 ? m_socket->count() - 1 : kept);
    m_socket->blockSignals(false);
    rebuildArguments();
}

void PlaygroundPanel::refreshHistory()
{
    m_history->clear();
    for (const PlaygroundEngine::Entry &e : m_engine->history()) {
        QString text = QStringLiteral(">>> ") + e.pythonLine;
        if (e.state == PlaygroundEngine::Entry::State::Running) {
            text += QLatin1Char('\n') + tr("… running (it may be waiting: Stop ends it)");
        } else if (e.state == PlaygroundEngine::Entry::State::Stopped) {
            text += QLatin1Char('\n') + tr("stopped: the playground ended, its sockets closed");
        } else {
            text += QLatin1Char('\n') + tr("C: %1").arg(e.outcome.cCall.isEmpty() ? tr("no system call") : e.outcome.cCall);
            text += QLatin1Char('\n') + (e.outcome.ok ? e.outcome.result : e.outcome.error);
            if (e.outcome.ok && e.outcome.bytesLength >= 0)  // a failed call moved nothing
                text += QLatin1Char('\n') + tr("bytes: %1 (%n byte(s))", nullptr, e.outcome.bytesLength).arg(e.outcome.bytesHex);
            if (e.outcome.ok && !e.outcome.decodeError.isEmpty())
                text += QLatin1Char('\n') + tr("decode(): %1\ndecode(errors='replace'): %2").arg(e.outcome.decodeError, e.outcome.decoded);
            else if (e.outcome.ok && !e.outcome.decoded.isEmpty())
                text += QLatin1Char('\n') + tr("decode(): %1").arg(e.outcome.decoded);
        }
        auto *item = new QListWidgetItem(text, m_history);
        // Tall enough for every line: the default hint cuts the last line of some entries.
        const QFontMetrics metrics(m_history->font());
        int widest = 0;
        for (const QString &line : text.split(QLatin1Char('\n')))
            widest = std::max(widest, metrics.horizontalAdvance(line));
        item->setSizeHint(QSize(widest + 2 * metrics.averageCharWidth(), int(text.count(QLatin1Char('\n')) + 1) * metrics.lineSpacing() + metrics.descent() + 4));
        if (e.state == PlaygroundEngine::Entry::State::Done && !e.outcome.ok)
            item->setForeground(QColor(0xb0, 0x20, 0x20));
    }
    m_history->scrollToBottom();
    m_stop->setEnabled(m_engine->isBusy());
}

bool PlaygroundPanel::saveTo(const QString &file)
{
    QString error;
    const bool saved = m_engine->saveScript(file, &error);
    m_note->setText(saved ? tr("Saved %1: run it with python3.").arg(file) : error);
    return saved;
}

void PlaygroundPanel::saveAs()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Save the calls as a Python script"),
                                                      QStringLiteral("playground.py"), tr("Python scripts (*.py)"));
    if (!file.isEmpty())
        saveTo(file);
}
