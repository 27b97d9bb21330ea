// The socket-object lesson's playground, as the learner works it: make a socket of a family
// and type, pick one of the playground's sockets, a method and its arguments, and Call; the
// history lists each call's Python line, the C call beneath and its result or Python's error.
// "Save as Python…" writes the history as a script. The calls run in the playground pane
// (PlaygroundEngine): nothing here touches a socket, and nothing here waits for one.
#pragma once

#include <QWidget>

class PlaygroundEngine;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QHBoxLayout;

class PlaygroundPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlaygroundPanel(PlaygroundEngine *engine, QWidget *parent = nullptr);

    // What the learner does, for tests and the buttons alike.
    void chooseMethod(const QString &method);
    void setArgument(int index, const QString &text);
    bool makeSocket();   // false: refused, the reason shown
    bool callChosen();   // false: refused, the reason shown
    bool saveTo(const QString &file);

    QComboBox *familyBox() const { return m_family; }
    QComboBox *typeBox() const { return m_type; }
    QComboBox *socketBox() const { return m_socket; }
    QComboBox *methodBox() const { return m_method; }
    QListWidget *historyList() const { return m_history; }
    QLabel *noteLabel() const { return m_note; }
    QList<QComboBox *> argumentFields() const { return m_args; }

protected:
    void changeEvent(QEvent *event) override;  // a language switch: say every word again

private:
    void retranslate();
    void rebuildArguments();
    void refreshSockets();
    void refreshHistory();
    void saveAs();
    int chosenFamily() const;

    PlaygroundEngine *m_engine;
    QComboBox *m_family;
    QComboBox *m_type;
    QComboBox *m_socket;
    QComboBox *m_method;
    QHBoxLayout *m_argRow;
    QList<QComboBox *> m_args;
    QPushButton *m_make;
    QPushButton *m_save;
    QPushButton *m_call;
    QPushButton *m_stop;
    QListWidget *m_history;
    QLabel *m_note;
};
