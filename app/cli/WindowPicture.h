// The end of a window opened on something already shown (a saved run, observe mode): sized
// by --size (else 1280×800), in the classroom layout with --classroom, and either left to the
// user or, with --screenshot, rendered to the file once its views have ticked, then closed.
#pragma once

#include "CommandLine.h"

class MainWindow;

// The exit status: the window's own, or for a picture 0 once saved and 1 if it could not be.
int showOrPicture(MainWindow &window, const CommandLineRequest &request);
