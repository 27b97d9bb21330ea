// A JSON number as an integer, only when it is a whole number a qint64 can hold. A plain
// cast of a double such as 6.2e20 is undefined behaviour (the fuzzer found one in a lab
// file); QJsonValue::toInteger() converts only what fits and gives its default otherwise.
#pragma once

#include <QJsonValue>

#include <optional>

inline std::optional<qint64> jsonWholeNumber(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const qint64 n = v.toInteger(0);
    if (double(n) != v.toDouble())
        return std::nullopt;  // a fraction, or beyond qint64
    return n;
}
