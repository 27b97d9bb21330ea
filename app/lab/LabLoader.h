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

// All the labs found in some root folders, each root holding one folder per lab.
class LabCatalog {
public:
    void loadFrom(const QString &root);  // may be called for several roots; later ids win
    const QList<LabDefinition> &labs() const { return m_labs; }
    const QList<LabError> &errors() const { return m_errors; }
    const LabDefinition *find(const QString &id) const;

    static QString builtInRoot() { return QStringLiteral(":/labs"); }
    static QString userRoot();  // e.g. ~/.local/share/SocketLab/labs: a teacher's own labs

private:
    QList<LabDefinition> m_labs;
    QList<LabError> m_errors;
};
