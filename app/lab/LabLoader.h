// Reads lab folders (lab.json, lessons, listings) into LabDefinitions, checking each
// against the programs the engine knows. A malformed lab yields LabErrors naming the file,
// the place in it and the problem; it never stops the other labs from loading.
#pragma once

#include "LabDefinition.h"

#include <optional>

class LabLoader {
public:
    // One lab from a folder holding lab.json. nullopt (and errors) when it cannot be used.
    static std::optional<LabDefinition> load(const QString &directory, QList<LabError> &errors);
};

// A lab folder that could not be loaded, kept so the window can list it with its problems.
struct LabFailure {
    QString folder;     // "my-lab"
    QString directory;
    QString title;      // its English title, when lab.json got that far; else empty
    QList<LabError> errors;
};

// All the labs found in some root folders, each root holding one folder per lab.
class LabCatalog {
public:
    // May be called for several roots; a later lab with an id already loaded replaces it
    // (its replacesDirectory says which) and a note says so.
    void loadFrom(const QString &root);
    const QList<LabDefinition> &labs() const { return m_labs; }
    const QList<LabError> &errors() const { return m_errors; }   // every problem, for the terminal
    const QList<LabFailure> &failures() const { return m_failures; }
    const QStringList &notes() const { return m_notes; }        // not errors, but worth a word
    const LabDefinition *find(const QString &id) const;

    static QString builtInRoot() { return QStringLiteral(":/labs"); }
    static QString userRoot();  // e.g. ~/.local/share/SocketLab/labs: a teacher's own labs

private:
    QList<LabDefinition> m_labs;
    QList<LabError> m_errors;
    QList<LabFailure> m_failures;
    QStringList m_notes;
};
