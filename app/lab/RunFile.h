// A recorded run in a file (docs/run-format.md): what a teacher saves after a demonstration
// and opens again later, on another machine, without running anything. The file carries the
// lab as it was (titles, listings, step explanations), so it opens where the lab is not
// installed. A file that is not a SocketLab run, was written by a newer SocketLab, or is
// damaged is refused with a message that says which, and nothing of it is used.
#pragma once

#include "RunRecording.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace RunFile {

constexpr int kFormatVersion = 2;  // 2: kernel-only rows; a format 1 file opens, without them
constexpr qint64 kMaxFileBytes = 512LL << 20;   // larger is not a run SocketLab wrote
constexpr qint64 kMaxContentBytes = 1LL << 30;  // what the compressed content may unpack to

QByteArray encode(const RunRecording &recording);
// nullopt, with why in *error (translated), when the bytes are not a run this SocketLab reads.
std::optional<RunRecording> decode(const QByteArray &bytes, QString *error);

bool save(const RunRecording &recording, const QString &path, QString *error);
std::optional<RunRecording> load(const QString &path, QString *error);

} // namespace RunFile
