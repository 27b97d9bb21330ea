// Python's time.ctime(): "Sun Nov 22 10:00:00 2026" (day padded with a space), the
// timestamp the tutorials' servers put before every echoed message.
#pragma once

#include <ctime>
#include <string>

std::string pythonCtime(std::time_t when);
std::string pythonCtimeNow();
