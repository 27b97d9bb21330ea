// Python's io.BytesIO, the two ways DatagramRequestHandler uses it: rfile reads the packet
// (readline, read) and wfile collects the reply that finish() sends in one datagram.
#pragma once

#include <Socket.h>

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace socketlab::socketserver {

class BytesReader {
public:
    BytesReader() = default;
    explicit BytesReader(Bytes data) : m_data(std::move(data)) {}

    Bytes readline(long limit = -1)  // up to and including b'\n', or what is left
    {
        const std::size_t left = m_data.size() - m_pos;
        std::size_t n = limit < 0 ? left : std::min(left, static_cast<std::size_t>(limit));
        const std::size_t newline = m_data.find('\n', m_pos);
        if (newline != Bytes::npos && newline - m_pos < n)
            n = newline - m_pos + 1;
        return take(n);
    }
    Bytes read(long n = -1) { return take(n < 0 ? m_data.size() : static_cast<std::size_t>(n)); }

private:
    Bytes take(std::size_t n)
    {
        n = std::min(n, m_data.size() - m_pos);
        Bytes out = m_data.substr(m_pos, n);
        m_pos += n;
        return out;
    }

    Bytes m_data;
    std::size_t m_pos = 0;
};

class BytesWriter {
public:
    std::size_t write(std::string_view data)
    {
        m_data.append(data);
        return data.size();
    }
    const Bytes &getvalue() const { return m_data; }

private:
    Bytes m_data;
};

} // namespace socketlab::socketserver
