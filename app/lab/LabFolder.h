// The files of one lab folder, and only those. A lab file names its listings and lessons by
// relative paths; each is resolved (symbolic links too) and refused unless it lies inside
// the lab's own folder, so a lab.json saying "../../etc/passwd" gets an error naming the
// place, and no byte of the outside file is read, shown or quoted.
#pragma once

#include "LabDefinition.h"

#include <QDir>

#include <optional>

class LabFolder {
public:
    explicit LabFolder(const QString &directory);

    QString name() const { return m_dir.dirName(); }         // "tcp-timestamp"
    QString shownName(const QString &relative) const;        // "tcp-timestamp/tsTserv.py"
    // The path of a file inside the folder, or nullopt (and an error at jsonPlace of lab.json)
    // when the name leaves it.
    std::optional<QString> resolve(const QString &relative, const QString &jsonPlace, QList<LabError> &errors) const;
    // A UTF-8 text file of the lab; records an error naming it when it cannot be used.
    std::optional<QString> readText(const QString &relative, const QString &jsonPlace, QList<LabError> &errors) const;
    // A pane's listing: a file of the lab, or one of a lab beside it in the same catalog
    // ("../tcp-timestamp/tsTclnt.py"), so a lesson that reuses a tutorial's program shows that
    // file instead of a copy. Nothing else may leave the folder.
    std::optional<QString> readListing(const QString &relative, const QString &jsonPlace, QList<LabError> &errors) const;
    // Every image or link target a lesson refers to must be a file of the lab (or a web
    // address): an error per reference that is not.
    void checkLessonReferences(const QString &markdown, const QString &lessonFile, QList<LabError> &errors) const;

private:
    QDir m_dir;
    QString m_root;  // the folder's canonical path, "/" at its end
};
