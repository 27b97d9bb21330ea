// The live views' "Panes" button, in the corner of their tabs: a menu with a check box per
// pane of the lab ("load — 200 sockets"), unchecked for the panes whose sockets the views
// leave out (PaneFilter). It says on its face how many panes are hidden, so a table that
// seems to miss rows never puzzles anyone.
#pragma once

#include "PaneFilter.h"

#include <QToolButton>

class QMenu;

class PaneFilterButton : public QToolButton {
    Q_OBJECT
public:
    explicit PaneFilterButton(QWidget *parent = nullptr);

    PaneFilter &filter() { return m_filter; }
    void refresh();  // after a tick: the panes seen, their sockets, what is hidden
    void forgetLab();

signals:
    void changed();  // the learner showed or hid a pane: the views start afresh

private:
    void rebuildMenu();
    void retranslate();

    PaneFilter m_filter;
    QMenu *m_menu;
};
