// The socket table as a live view: a compact table over SocketTableModel, one row per
// socket of the lab, refreshed from each tick's snapshot.
#pragma once

#include "LiveView.h"

#include <QTableView>

class SocketTableModel;

class SocketTableView : public QTableView, public LiveView {
    Q_OBJECT
public:
    explicit SocketTableView(QWidget *parent = nullptr);

    void feed(const LiveTick &tick) override;
    void forgetRun() override;

    SocketTableModel *socketModel() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitToFont();

    SocketTableModel *m_model;
};
