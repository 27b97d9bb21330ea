// One pane of a lab: its listing with the line about to run marked, what the program is
// doing (running, paused, blocked in accept() for 3.2 s ...), the explanation of the
// current step, the console with its input line, and the pane's own buttons.
#pragma once

#include <QWidget>

class PaneRunner;
class ParamEditor;
class PythonHighlighter;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

class PaneView : public QWidget {
    Q_OBJECT
public:
    PaneView(PaneRunner *runner, const QString &language, QWidget *parent = nullptr);

    PaneRunner *runner() const { return m_runner; }
    QPlainTextEdit *console() const { return m_console; }
    QLineEdit *input() const { return m_input; }
    QPlainTextEdit *listing() const { return m_listing; }
    ParamEditor *paramEditor() const { return m_params; }
    QToolButton *paramsButton() const { return m_paramsButton; }
    QToolButton *programButton() const { return m_programButton; }
    QLabel *stateLabel() const { return m_state; }
    QToolButton *stepButton() const { return m_step; }
    QToolButton *runButton() const { return m_run; }
    QToolButton *pauseButton() const { return m_pause; }
    QToolButton *stopButton() const { return m_stop; }
    int inputRequests() const { return m_inputRequests; }

    void setHighContrast(bool on);  // presentation mode: stronger colours
    void setSelected(bool selected);  // the pane the lab's Step acts on first
    void addTool(QWidget *tool);      // one more control in the row of buttons, before Parameters
    bool isSelected() const { return m_selected; }

public slots:
    void refresh();  // the state line, counted while blocked; called by the window's timer
    void flush();    // shows the newest step and console lines now (else at the next frame)
    void clear();    // after Reset

private:
    void showStep(const QString &stepId, int line);
    void showListing();
    void openProgram();  // the learner's own .py file in the pane's place
    void markLine(int line);
    void showError(const QString &text);
    void appendConsole(const QString &text, bool html);
    void scheduleFlush();

    PaneRunner *m_runner;
    QString m_language;
    QLabel *m_title;
    ParamEditor *m_params;
    QLabel *m_state;
    QLabel *m_explanation;
    QPlainTextEdit *m_listing;
    QPlainTextEdit *m_console;
    QLineEdit *m_input;
    QToolButton *m_step;
    QToolButton *m_run;
    QToolButton *m_pause;
    QToolButton *m_stop;
    QToolButton *m_paramsButton;
    QToolButton *m_programButton;
    PythonHighlighter *m_highlighter;
    bool m_wasActive = false;
    // A program at full speed reports steps and lines far faster than anyone can read:
    // they are gathered and shown once per frame, the newest step and every line.
    QString m_pendingStep;
    int m_pendingLine = 0;
    QStringList m_pendingConsole;  // plain lines, or one HTML block (an error) at the end
    bool m_pendingHtml = false;
    bool m_flushScheduled = false;
    int m_inputRequests = 0;
    bool m_highContrast = false;
    bool m_selected = false;
    bool m_markedBlocked = false;
};
