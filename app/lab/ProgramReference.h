// The programs the engine offers, as Markdown for docs/authoring-labs.md: each program's
// name, what it does, its parameters and its steps with the call each stands for. Made from
// the programs themselves, so the documentation cannot drift from them (a test compares).
#pragma once

#include <QString>

QString programReferenceMarkdown();
