// The SocketServer flow: serve_forever -> get_request -> verify_request -> process_request
// -> finish_request -> setup -> handle -> finish -> shutdown_request as a row of boxes lit
// as the stage events arrive (the stage running now highlighted, those just passed fading),
// and below them the request threads or child processes alive, each with its request's
// client and current stage. It stays an empty note until a lab traces a socketserver stage;
// LiveViewsPanel shows its tab only then. The bookkeeping is SocketServerFlowModel.
#pragma once

#include "SocketServerFlowModel.h"

#include <SocketRegistry.h>

#include <QWidget>

#include <memory>

class SocketServerFlowView : public QWidget {
    Q_OBJECT
public:
    explicit SocketServerFlowView(QWidget *parent = nullptr);

    void setRegistry(std::shared_ptr<socketlab::SocketRegistry> registry);  // kept for the common shape; unused
    void addEvents(const std::vector<socketlab::TraceEvent> &events);
    void refresh();
    void clear();

    const SocketServerFlowModel &model() const { return m_model; }  // for tests and the panel
    bool hasServer() const { return m_model.seenServer(); }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

signals:
    void serverSeen();  // the first stage event since construction or clear()

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QSize boxSize() const;
    int boxesPerRow(int width) const;
    int boxesHeight(int width) const;
    QString workerText(const SocketServerFlowModel::Worker &w) const;

    SocketServerFlowModel m_model;
    bool m_dirty = false;
    std::size_t m_workerRows = 0;
};
