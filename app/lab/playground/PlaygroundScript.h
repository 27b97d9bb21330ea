// The playground's history as a Python 3 script that makes the same calls in the same order,
// with the same two peers (an upper-case echo over TCP, a timestamp server over UDP) on
// loopback, and prints each line and what it returned or raised, as the playground showed it.
#pragma once

#include "PlaygroundEngine.h"

#include <QString>

namespace playground {

QString pythonScript(const QList<PlaygroundEngine::Entry> &history, const QString &defaultTimeout);

} // namespace playground
