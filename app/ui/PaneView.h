// One pane of a lab: its listing with the line each thread is at marked, what the program
// is doing (running, paused, blocked in accept() for 3.2 s ...), the explanation of that
// moment's step, the console with its input line, and the pane's own buttons.
//
// The marked line, the state line and the explanation always describe the same moment of
// the same thread (PaneThreads): a server back in serve_forever() is shown there, not on
// the handler line it left. Lines typed before the program asks wait for it, shown as
// queued, and only this pane's program ever reads them.
#pragma once

#include "PaneThreads.h"

#include <QWidget>

#include <deque>
#include <vector>

class ListingView;
class QAction;
class PaneRunner;
class PaneToolRow;
class ParamEditor;
class PythonHighlighter;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;
class QTextBrowser;
class QToolButton;
struct LiveTick;

class PaneView : public QWidget {
    Q_OBJECT
public:
    PaneView(PaneRunner *runner, const QString &language, QWidget *parent = nullptr);

    PaneRunner *runner() const { return m_runner; }
    QPlainTextEdit *console() const { return m_console; }
    QLineEdit *input() const { return m_input; }
    QPlainTextEdit *listing() const;
    ListingView *listingView() const { return m_listing; }
    ParamEditor *paramEditor() const { return m_params; }
    QScrollArea *paramsArea() const { return m_paramsArea; }
    QToolButton *paramsButton() const { return m_paramsButton; }
    QToolButton *programButton() const { return m_programButton; }
    PaneToolRow *toolRow() const { return m_toolRow; }
    QLabel *stateLabel() const { return m_state; }
    QTextBrowser *explanation() const { return m_explanation; }
    QLabel *queuedLabel() const { return m_queued; }
    QStringList queuedLines() const { return m_queuedLines; }
    QToolButton *stepButton() const { return m_step; }
    QToolButton *runButton() const { return m_run; }
    QToolButton *pauseButton() const { return m_pause; }
    QToolButton *stopButton() const { return m_stop; }
    int inputRequests() const { return m_inputRequests; }
    std::vector<PaneThreads::Moment> moments() const { return m_threads.moments(m_runner->state()); }

    void setHighContrast(bool on);  // presentation mode: stronger colours
    // The classroom layout: listing lines wrap, the explanation and console keep a few lines
    // (fewer on a short screen, so the listing keeps its room).
    void setClassroom(bool on, bool shortScreen = false);
    void setSelected(bool selected);  // the pane the lab's Step acts on first
    void addTool(QToolButton *tool);  // one more tool in the row of buttons, before Parameters
    bool isSelected() const { return m_selected; }
    void setLanguage(const QString &language);  // the lab's texts and the window's words
    // The lab the pane belongs to: where its edited listing is kept; a kept one becomes its program.
    void setLab(const QString &labId);
    // The learner's own .py file in the pane's place, as "Open your own .py file…" does after
    // its dialog; remembered for the next start. Returns why it could not, or "".
    QString useOpenedProgram(const QString &file);
    // "Edit this listing": the listing is editable until Step or Run (or commitEdit()) saves the
    // text and makes it the pane's program, run as Python; "Restore" discards it.
    bool isEditing() const { return m_editing; }
    QAction *editAction() const { return m_editProgram; }
    QAction *restoreAction() const { return m_restoreProgram; }
    bool commitEdit();  // false when the edit could not be saved (the console says why)

public slots:
    void refresh();  // the state line, counted while blocked; called by the window's timer
    void feed(const LiveTick &tick);  // the tick's events and sockets, for each thread's moment; then refresh()
    void flush();    // shows the newest step and console lines now (else at the next frame)
    void clear();    // after Reset

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    static constexpr int kLineNumberWidth = 2;  // "12  code": the number, then two spaces
    struct ConsoleEntry {
        QString text;
        socketlab::SocketError error;  // an error: shown with what it usually means
        bool isError = false;
    };
    void showStep(const QString &stepId, int line, qint64 thread);
    void showListing();
    void openProgram();  // the learner's own .py file in the pane's place
    void editListing();
    void leaveEditing();
    void restoreProgram();
    QString editedFile() const;
    void showMoments();
    void showMoments(const std::vector<PaneThreads::Moment> &moments);
    void showError(const QString &text);
    void appendConsole(const ConsoleEntry &entry);
    QString consoleHtml(const ConsoleEntry &entry) const;
    void renderConsole();
    template <typename Iterator>
    void writeConsole(Iterator begin, Iterator end);
    void scheduleFlush();
    void retranslate();
    void fitExplanation();
    void typeLine();
    void showQueued();
    void onStateChanged(PaneRunner::State state);
    QString stateText(const std::vector<PaneThreads::Moment> &moments) const;

    PaneRunner *m_runner;
    QString m_language;
    PaneThreads m_threads;
    QLabel *m_title;
    ParamEditor *m_params;
    QScrollArea *m_paramsArea;  // a long form scrolls rather than push the listing (or the window) out
    QLabel *m_state;
    QTextBrowser *m_explanation;  // scrolls when long: never cut off
    ListingView *m_listing;
    QPlainTextEdit *m_console;
    QLabel *m_queued;
    QLineEdit *m_input;
    QToolButton *m_step;
    QToolButton *m_run;
    QToolButton *m_pause;
    QToolButton *m_stop;
    QToolButton *m_paramsButton;
    QToolButton *m_programButton;
    PaneToolRow *m_toolRow;
    QAction *m_editProgram = nullptr;
    QAction *m_openProgram = nullptr;
    QAction *m_restoreProgram = nullptr;
    PythonHighlighter *m_highlighter;
    bool m_wasActive = false;
    // A program at full speed reports steps and lines far faster than anyone can read:
    // they are gathered and shown once per frame, the newest step and every line.
    struct PendingStep {
        QString stepId;
        int line = 0;
        qint64 thread = 0;
    };
    std::vector<PendingStep> m_pendingSteps;  // the newest per thread
    std::vector<ConsoleEntry> m_pendingConsole;
    std::deque<ConsoleEntry> m_consoleEntries;  // what the console shows, to say it again in another language
    bool m_flushScheduled = false;
    int m_inputRequests = 0;
    QStringList m_queuedLines;  // typed here, not yet read by the program's input()
    PaneRunner::State m_lastState = PaneRunner::State::Idle;
    QString m_shownStep;        // the step whose explanation is shown
    bool m_highContrast = false;
    bool m_classroom = false;
    int m_explanationLines = 5;
    bool m_selected = false;
    QString m_labId;
    bool m_editing = false;
};
