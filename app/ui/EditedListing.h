// Where a learner's edit of a pane's listing is kept: one .py file per lab and pane in the
// app's data folder. The edit outlives the run and the app, and it runs as an opened file
// does (PaneRunner::setLearnerProgram), as real Python under the tracer. A .py file the
// learner opened for a pane is remembered too (its path, in the settings), so the next
// start shows the learner's program where they left it, as an edit is.
#pragma once

#include <QString>

namespace EditedListing {

QString file(const QString &labId, const QString &paneId);  // the kept edit's path, kept or not
bool isKept(const QString &labId, const QString &paneId);
// Writes the text as the kept edit; returns why it could not, or "".
QString save(const QString &labId, const QString &paneId, const QString &text);
void discard(const QString &labId, const QString &paneId);

// The file the learner last opened for the pane, or "" (none, or an edit came after it).
QString openedFile(const QString &labId, const QString &paneId);
void rememberOpened(const QString &labId, const QString &paneId, const QString &path);
void forgetOpened(const QString &labId, const QString &paneId);

} // namespace EditedListing
