// A pane as it was at an earlier moment of a recorded run (PaneMoment): its title, the
// state line it showed, its listing with the line then marked, the explanation of that
// step and its console so far. Read-only: nothing here reaches a program or a socket.
// The window shows these in place of the live panes while it looks back.
#pragma once

#include <PaneMoment.h>

#include <QWidget>

struct LabDefinition;
class ListingView;
class PythonHighlighter;
class QLabel;
class QPlainTextEdit;

class ReplayPaneView : public QWidget {
    Q_OBJECT
public:
    ReplayPaneView(const LabDefinition &lab, const QString &paneId, const QString &language, QWidget *parent = nullptr);

    void showMoment(const PaneMoment &moment);
    void setLanguage(const QString &language) { m_language = language; }  // from the next moment shown
    void setClassroom(bool on);  // the listing wraps: nothing runs off the pane's edge in class
    const QString &paneId() const { return m_paneId; }
    int markedLine() const { return m_markedLine; }  // 0: none
    QLabel *stateLabel() const { return m_state; }
    QPlainTextEdit *console() const { return m_console; }
    ListingView *listing() const { return m_listing; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showState(const PaneMoment &moment);
    void showListing(const QStringList &lines);
    void markLine(const PaneMoment &moment);
    void showConsole(const QList<ConsoleLine> &lines);

    const LabDefinition &m_lab;
    QString m_paneId;
    QString m_language;
    QLabel *m_title;
    QLabel *m_state;
    ListingView *m_listing;
    QLabel *m_explanation;
    QPlainTextEdit *m_console;
    PythonHighlighter *m_highlighter;
    QStringList m_shownListing;
    int m_markedLine = 0;
    int m_shownConsoleLines = -1;
};
