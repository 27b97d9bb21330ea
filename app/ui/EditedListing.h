// Where a learner's edit of a pane's listing is kept: one .py file per lab and pane in the
// app's data folder. The edit outlives the run and the app, and it runs as an opened file
// does (PaneRunner::setLearnerProgram), as real Python under the tracer.
#pragma once

#include <QString>

namespace EditedListing {

QString file(const QString &labId, const QString &paneId);  // the kept edit's path, kept or not
bool isKept(const QString &labId, const QString &paneId);
// Writes the text as the kept edit; returns why it could not, or "".
QString save(const QString &labId, const QString &paneId, const QString &text);
void discard(const QString &labId, const QString &paneId);

} // namespace EditedListing
