// The row of a pane's buttons. The run controls (Step, Run, Pause, Stop) always show; the
// tools (Faults, Parameters, Program) show beside them when the pane is wide enough for the
// whole row, and otherwise fold into one "Tools" button ("⋯") whose menu offers each of them. So the
// row never asks for more than the folded width, and three panes side by side fit a 1280 px
// screen, in the classroom layout's large text too.
#pragma once

#include <QWidget>

class QHBoxLayout;
class QMenu;
class QToolButton;

class PaneToolRow : public QWidget {
    Q_OBJECT
public:
    explicit PaneToolRow(QWidget *parent = nullptr);

    void addControl(QToolButton *control);  // always in the row
    // A tool, in the row or in the fold menu; before another tool, or last.
    void addTool(QToolButton *tool, QToolButton *before = nullptr);
    // A tool this layout does not offer at all (the learner's own program, in class).
    void setToolWanted(QToolButton *tool, bool wanted);
    void setPaneTitle(const QString &title);  // the fold button's accessible name says whose

    bool isFolded() const { return m_folded; }
    QToolButton *foldButton() const { return m_fold; }
    QMenu *foldMenu() const { return m_foldMenu; }
    QList<QToolButton *> tools() const;  // the wanted ones, in row order

    QSize minimumSizeHint() const override;  // the folded row: the pane may be that narrow

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Tool {
        QToolButton *button;
        bool wanted = true;
    };
    int fullWidth() const;  // the whole row, unfolded
    void refold();
    void fillFoldMenu();
    void retranslate();

    QHBoxLayout *m_layout;
    QList<QToolButton *> m_controls;
    QList<Tool> m_tools;
    QToolButton *m_fold;
    QMenu *m_foldMenu;
    QString m_paneTitle;
    bool m_folded = true;  // until a width is known: an unsized pane asks for no more than that
};
