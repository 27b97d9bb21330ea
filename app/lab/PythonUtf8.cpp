// Strict UTF-8 checking with CPython's wording and positions. Python reports a bad second
// byte of a sequence (including the overlong and surrogate forms E0 80, ED A0, F0 80, F4 90)
// as "invalid continuation byte" at the sequence's first byte; a bad third or fourth byte
// names the bytes before it too; a sequence cut off by the end of the data is
// "unexpected end of data" over what is left.
#include "PythonUtf8.h"

#include <cstdio>

namespace {

std::string decodeError(std::string_view bytes, std::size_t start, std::size_t length, const char *reason)
{
    char where[96];
    if (length == 1)
        std::snprintf(where, sizeof where, "byte 0x%02x in position %zu", static_cast<unsigned char>(bytes[start]), start);
    else
        std::snprintf(where, sizeof where, "bytes in position %zu-%zu", start, start + length - 1);
    return std::string("UnicodeDecodeError: 'utf-8' codec can't decode ") + where + ": " + reason;
}

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// What starts at bytes[i]: a valid character (reason null) or the bytes Python's decoder
// rejects there, with its reason; length is how many bytes either takes.
struct Piece {
    std::size_t length;
    const char *reason;
};

Piece pieceAt(std::string_view bytes, std::size_t i)
{
    const std::size_t size = bytes.size();
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80)
        return {1, nullptr};
    std::size_t following = 0;                    // continuation bytes the lead byte announces
    unsigned char lowest = 0x80, highest = 0xBF;  // what the first of them may be
    if (lead >= 0xC2 && lead <= 0xDF) {
        following = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        following = 2;
        lowest = lead == 0xE0 ? 0xA0 : 0x80;   // below: an overlong form
        highest = lead == 0xED ? 0x9F : 0xBF;  // above: a surrogate
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        following = 3;
        lowest = lead == 0xF0 ? 0x90 : 0x80;   // below: an overlong form
        highest = lead == 0xF4 ? 0x8F : 0xBF;  // above: beyond U+10FFFF
    } else {
        return {1, "invalid start byte"};
    }
    for (std::size_t k = 1; k <= following; ++k) {
        if (i + k >= size)
            return {size - i, "unexpected end of data"};
        const auto byte = static_cast<unsigned char>(bytes[i + k]);
        const bool fits = k == 1 ? byte >= lowest && byte <= highest : isContinuation(byte);
        if (!fits)
            return {k, "invalid continuation byte"};
    }
    return {following + 1, nullptr};
}

} // namespace

std::optional<std::string> pythonUtf8DecodeError(std::string_view bytes)
{
    for (std::size_t i = 0; i < bytes.size();) {
        const Piece piece = pieceAt(bytes, i);
        if (piece.reason)
            return decodeError(bytes, i, piece.length, piece.reason);
        i += piece.length;
    }
    return std::nullopt;
}

std::string pythonUtf8Replace(std::string_view bytes)
{
    std::string out;
    for (std::size_t i = 0; i < bytes.size();) {
        const Piece piece = pieceAt(bytes, i);
        out += piece.reason ? std::string_view("\xEF\xBF\xBD") : bytes.substr(i, piece.length);  // U+FFFD
        i += piece.length;
    }
    return out;
}
