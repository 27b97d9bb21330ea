#include "ObserveBanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

ObserveBanner::ObserveBanner(QWidget *parent)
    : QFrame(parent), m_text(new QLabel), m_count(new QLabel), m_stop(new QPushButton)
{
    setObjectName(QStringLiteral("observeBanner"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    auto *words = new QVBoxLayout;
    words->addWidget(m_text);
    words->addWidget(m_count);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(words, 1);
    layout->addWidget(m_stop, 0, Qt::AlignTop);
    connect(m_stop, &QPushButton::clicked, this, &ObserveBanner::stopRequested);
    retranslate();
}

void ObserveBanner::setTarget(const QString &description)
{
    m_target = description;
    m_ended = false;
    retranslate();
}

void ObserveBanner::setOpenSockets(int count)
{
    if (count == m_open)
        return;
    m_open = count;
    retranslate();
}

void ObserveBanner::setProcessEnded()
{
    m_ended = true;
    retranslate();
}

QString ObserveBanner::text() const
{
    return m_text->text() + QLatin1Char('\n') + m_count->text();
}

void ObserveBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void ObserveBanner::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitHeight();
}

void ObserveBanner::fitHeight()
{
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > 0 && needed != maximumHeight())
        setMaximumHeight(needed);
}

void ObserveBanner::retranslate()
{
    m_text->setText(tr("<b>Observing %1</b>: its sockets, of any process on this machine, live. SocketLab only reads "
                       "their state from the kernel; it does not open, connect to, read or write these sockets.<br>"
                       "The sequence diagram and the trace stay empty here: SocketLab sees the calls only of the "
                       "programs it runs, and shows no call it did not see.")
                        .arg(m_target.toHtmlEscaped()));
    m_count->setText(m_ended ? tr("The process has exited: its sockets are closed.")
                             : tr("%n socket(s) open now.", nullptr, m_open));
    m_stop->setText(tr("Stop observing"));
    m_stop->setToolTip(tr("Back to the lessons"));
    fitHeight();
}
