// The lesson navigator: the catalog's labs in their order, each with its title in the
// learner's language and how far the learner got (a small bar and "5 / 19 steps", a check
// mark once every step was reached). The lab open in the window is marked; a click or
// Enter on another one asks the window to open it.
#pragma once

#include <LabDefinition.h>

#include <QWidget>

class LabProgress;
class QListWidget;
class QListWidgetItem;

class LabNavigator : public QWidget {
    Q_OBJECT
public:
    enum Role { LabIdRole = Qt::UserRole, ReachedRole, TotalRole, CompletedRole, CurrentRole };

    LabNavigator(const QList<LabDefinition> &labs, LabProgress *progress, const QString &language, QWidget *parent = nullptr);

    QString currentLab() const { return m_current; }
    QListWidget *list() const { return m_list; }
    QStringList labIds() const;                         // in the order shown
    QString progressText(const QString &labId) const;   // "5 / 19 steps", as shown

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

private:
    void choose(QListWidgetItem *item);
    void fill();
    void updateItem(QListWidgetItem *item) const;
    QListWidgetItem *itemOf(const QString &labId) const;

    QList<LabDefinition> m_labs;
    LabProgress *m_progress;
    QString m_language;
    QString m_current;
    QListWidget *m_list;
};
