// `socketlab --replay FILE [--at SECONDS] [--screenshot F.png]`: the window on a saved run,
// read-only, at its end or at that moment; with --screenshot the picture is saved and the
// program exits. A file SocketLab does not read is refused on stderr (exit status 2), and a
// moment past the run's end too.
#pragma once

#include "CommandLine.h"

#include <LabLoader.h>

int showSavedRun(const LabCatalog &catalog, const CommandLineRequest &request, const QString &language);
