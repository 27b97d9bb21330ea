// What Python says about bytes that are not UTF-8: the UnicodeDecodeError that
// b.decode('utf-8') raises, word for word ("... can't decode byte 0xff in position 1:
// invalid start byte"), so a pane's input() can raise what Python's input() raises; and what
// decode(errors='replace') makes of them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

// nullopt when bytes are UTF-8; otherwise the exception's line as Python prints it, for the
// first place that is not: "UnicodeDecodeError: 'utf-8' codec can't decode ...".
std::optional<std::string> pythonUtf8DecodeError(std::string_view bytes);
// b.decode('utf-8', errors='replace') as UTF-8: each run of bytes the decoder rejects (the
// span its error names) becomes one U+FFFD, as CPython replaces it.
std::string pythonUtf8Replace(std::string_view bytes);
