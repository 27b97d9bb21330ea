// What Python says about bytes that are not UTF-8: the UnicodeDecodeError that
// b.decode('utf-8') raises, word for word ("... can't decode byte 0xff in position 1:
// invalid start byte"), so a pane's input() can raise what Python's input() raises.
#pragma once

#include <optional>
#include <string>
#include <string_view>

// nullopt when bytes are UTF-8; otherwise the exception's line as Python prints it, for the
// first place that is not: "UnicodeDecodeError: 'utf-8' codec can't decode ...".
std::optional<std::string> pythonUtf8DecodeError(std::string_view bytes);
