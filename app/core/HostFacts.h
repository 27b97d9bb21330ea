// Facts of this machine that decide what a socket call may do, read live where the kernel
// keeps them, as a lesson's Python listing reads them: who the process runs as (os.geteuid():
// binding below 1024 needs privilege) and the kernel's settings under /proc/sys, such as the
// range ephemeral ports come from (net/ipv4/ip_local_port_range) and the lowest port a normal
// user may bind (net/ipv4/ip_unprivileged_port_start).
#pragma once

#include "Result.h"

#include <string>

namespace socketlab {

unsigned effectiveUid();  // os.geteuid(): 0 for root

// open('/proc/sys/' + name).read(): the setting's text as the kernel gives it ("32768\t60999\n").
// name is a path under /proc/sys made of letters, digits, '_' and '/' only: anything else (a
// "..", say) is refused with EINVAL, so nothing outside /proc/sys is ever read.
Result<std::string> readKernelSetting(const std::string &name);

} // namespace socketlab
