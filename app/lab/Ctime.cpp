#include "Ctime.h"

std::string pythonCtime(std::time_t when)
{
    std::tm local{};
    localtime_r(&when, &local);
    char text[64] = {};
    // C locale day and month names, as Python's time.ctime() always uses.
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::snprintf(text, sizeof text, "%s %s %2d %02d:%02d:%02d %d", days[local.tm_wday], months[local.tm_mon],
                  local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec, local.tm_year + 1900);
    return text;
}

std::string pythonCtimeNow()
{
    return pythonCtime(std::time(nullptr));
}
