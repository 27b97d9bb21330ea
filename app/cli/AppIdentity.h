// Who the program is to the system: the names its settings and data folders are kept
// under, its version, and for the window the desktop entry it belongs to and its icon,
// so the taskbar and the window switcher show SocketLab's icon and group its windows with
// its menu entry.
#pragma once

#include <QIcon>

namespace AppIdentity {

void apply();  // after the application object exists, before anything reads settings
QIcon icon();  // the application icon, in every size drawn at build time

} // namespace AppIdentity
