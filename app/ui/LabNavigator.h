// The lesson navigator: the catalog's labs in their order, each with its title in the
// learner's language and how far the learner got (a small bar and "5 / 19 steps", a check
// mark once every step was reached). The lab open in the window is marked; a click or
// Enter on another one asks the window to open it; a right click offers to open it and
// never moves the mark by itself. A teacher's lab that replaces a built-in one says so, and
// a lab folder that failed to load is listed too, greyed, with its file, place and problem.
#pragma once

#include <LabDefinition.h>
#include <LabLoader.h>

#include <QWidget>

class LabProgress;
class QListWidget;
class QListWidgetItem;

class LabNavigator : public QWidget {
    Q_OBJECT
public:
    enum Role { LabIdRole = Qt::UserRole, ReachedRole, TotalRole, CompletedRole, CurrentRole, FailedRole };

    LabNavigator(const QList<LabDefinition> &labs, LabProgress *progress, const QString &language, QWidget *parent = nullptr);

    QString currentLab() const { return m_current; }
    QListWidget *list() const { return m_list; }
    QStringList labIds() const;                         // in the order shown
    QString progressText(const QString &labId) const;   // "5 / 19 steps", as shown
    // The labs listed again, with the folders that failed to load (greyed, at the end).
    void setLabs(const QList<LabDefinition> &labs, const QList<LabFailure> &failures = {});
    QListWidgetItem *failedItem(const QString &folder) const;  // a failed lab's entry

public slots:
    // Marks the lab open in the window (no labChosen). An unknown id marks none.
    void setCurrentLab(const QString &labId);
    void setLanguage(const QString &language);
    void refresh();                       // every lab's progress, read again
    void refreshLab(const QString &labId);

signals:
    // The learner picked another lab. The navigator already marks it current; a window
    // that will not switch (yet) calls setCurrentLab() with the lab it keeps.
    void labChosen(const QString &labId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void choose(QListWidgetItem *item);
    void offerToOpen(QListWidgetItem *item, const QPoint &globalPos);
    static QString failureText(const LabFailure &failure);
    void fill();
    void updateItem(QListWidgetItem *item) const;
    QListWidgetItem *itemOf(const QString &labId) const;

    QList<LabDefinition> m_labs;
    QList<LabFailure> m_failures;
    LabProgress *m_progress;
    QString m_language;
    QString m_current;
    QListWidget *m_list;
};
