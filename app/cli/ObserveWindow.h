// `socketlab --observe PORT|pid:PID [--screenshot F.png] [--size WxH] [--classroom]`: the
// window in observe mode on that port or process, read-only (MainWindowObserve.cpp).
#pragma once

#include "CommandLine.h"

#include <LabLoader.h>

int showObserveWindow(const LabCatalog &catalog, const CommandLineRequest &request, const QString &language);
