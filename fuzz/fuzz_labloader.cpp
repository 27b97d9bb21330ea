// Fuzz target: LabLoader::load on a lab folder made from the input. The input is the
// folder's files, each as its name, a NUL, its content, a NUL: "lab.json\0{...}\0tsTserv.py\0
// ...\0". Names are kept to plain file names inside the folder. The seeds (corpus/
// fuzz_labloader/) are the built-in labs written this way. Besides never crashing, leaking or
// hanging, the loader must either give a lab whose steps point at lines of their listings,
// or say what is wrong.
#include <LabLoader.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace {

constexpr int kMaxFiles = 8;

QTemporaryDir *g_folder = nullptr;

bool plainName(const QByteArray &name)
{
    if (name.isEmpty() || name.size() > 64 || name == "." || name == "..")
        return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

void check(bool condition)
{
    if (!condition)
        std::abort();  // an invariant broke: libFuzzer saves the input
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    g_folder = new QTemporaryDir;  // kept for the whole run
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QDir folder(g_folder->path());
    for (const QString &old : folder.entryList(QDir::Files | QDir::Hidden))
        folder.remove(old);
    const QList<QByteArray> parts = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    for (qsizetype i = 0; i + 1 < parts.size() && i / 2 < kMaxFiles; i += 2) {
        if (!plainName(parts[i]))
            continue;
        QFile file(folder.filePath(QString::fromLatin1(parts[i])));
        if (file.open(QIODevice::WriteOnly))
            file.write(parts[i + 1]);
    }

    QList<LabError> errors;
    const std::optional<LabDefinition> lab = LabLoader::load(folder.path(), errors);
    check(lab.has_value() || !errors.isEmpty());  // refused: then it says why
    for (const LabError &e : errors)
        check(!e.toString().isEmpty());
    if (lab) {
        for (const PaneDefinition &pane : lab->panes) {
            for (const StepDefinition &step : pane.steps)
                check(step.line >= 1 && step.line <= pane.listing.size());
        }
    }
    return 0;
}
