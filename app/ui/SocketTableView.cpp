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
    m_model->show(tick.sockets, tick.kernelRows.rows(), tick.nowNs, &tick.events);
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
    if (event->type() == QEvent::LanguageChange)
        emit m_model->headerDataChanged(Qt::Horizontal, 0, SocketTableModel::ColumnCount - 1);
}

void SocketTableView::fitToFont()
{
    horizontalHeader()->setFont(font());  // a header takes the style's font unless told
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);  // compact rows
}
