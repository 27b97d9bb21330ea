// Fuzz target: RunFile::decode, what Open run… does with a file from anywhere. The input is
// the run's JSON content; the harness packs it as a saved run is packed (magic, format
// version, checksum, compressed content), so the fuzzer spends its time in the JSON reader
// rather than on checksums. The seeds (corpus/fuzz_runfile/) are real runs' content. Besides
// never crashing, leaking or hanging: a run is either refused with a reason, or read into a
// recording that saves and reads back to the same frames and reports.
#include <RunFile.h>

#include <QCoreApplication>
#include <QCryptographicHash>

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();  // an invariant broke: libFuzzer saves the input
}

QByteArray packed(const QByteArray &json)
{
    const QByteArray content = qCompress(json, 1);
    return "SocketLab run " + QByteArray::number(RunFile::kFormatVersion) + "\nsha256 "
           + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() + "\n" + content;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<RunRecording> run = RunFile::decode(packed(json), &error);
    check(run.has_value() || !error.isEmpty());  // refused: then it says why
    if (run) {
        QString again;
        const std::optional<RunRecording> reread = RunFile::decode(RunFile::encode(*run), &again);
        check(reread.has_value());
        check(reread->frames().size() == run->frames().size());
        check(reread->reports().size() == run->reports().size());
    }
    return 0;
}
