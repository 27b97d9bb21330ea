#include "SocketTableView.h"

#include "SocketTableModel.h"

#include <QEvent>
#include <QHeaderView>

SocketTableView::SocketTableView(QWidget *parent) : QTableView(parent), m_model(new SocketTableModel(this))
{
    setModel(m_model);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setSelectionBehavior(QAbstractItemView::SelectRows);
    fitToFont();
}

void SocketTableView::feed(const LiveTick &tick)
{
    m_model->show(tick.sockets, tick.kernelOnly, tick.nowNs);
}

void SocketTableView::forgetRun()
{
    m_model->clear();
}

void SocketTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitToFont();  // zoom and presentation mode change the window's font
}

void SocketTableView::fitToFont()
{
    horizontalHeader()->setFont(font());  // a header takes the style's font unless told
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);  // compact rows
}
